package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./bss}: run the local platform and call it. */
public final class Main {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String USAGE = """
            usage: ./bss <command>
              up                 build what is missing, start PostgreSQL and the four services, load the demo data
                                 and keep them running; on a degraded platform, start what is down
              down               stop everything ./bss up started
              status             what is running, where, with start-up times, memory and restarts; "degraded"
                                 naming what is down (the supervisor restarts a process that exits)
              restart <process>  restart one: billing-service, orders-service, enterprise-service, gateway,
                                 postgresql
              call <Operation> [--name value ...] [--body JSON] [--as SUB1|SUB2|INDIVIDUAL]
                                 sign a call with the demo (or given --ak/--sk) credentials and print the answer
              admin <GET|POST|PUT|DELETE> <path> [JSON]
                                 call the admin API with the admin token: accounts, users, passwords, policies,
                                 AK/SK pairs (create, disable, rotate), tokens (list, revoke); see README.md
              clock [+<n>d|+<n>h|reset]
                                 show the sandbox's business time, or move it forward (then run the resource
                                 lifecycle: auto-renewals, expiries, deletions), or back to real time
              audit [--domain-id ID] [--operation NAME] [--since 30m|1h|2d|<yyyy-MM-ddTHH:mm:ssZ>] [--limit N]
                    [--json]     the audit trail, newest first: state-changing calls (refusals too) and admin
                                 changes; also --user-id, --access-key, --request-id, --resource-id,
                                 --result success|failure, --until, --offset
              reconcile [--months N]
                                 check that every view of the money agrees for every account and each of the
                                 last N bill cycles (12): prints each difference with its ids, exit 1 if any
              chaos [--kills billing-service,orders-service,enterprise-service,gateway,postgresql] [--writes N]
                                 kill each component in turn under a money workload (ChaosIT, on a platform
                                 of its own) and check that no answered write was lost or doubled
              build              build all modules (skipping tests)
              test               run every test (what CI runs)
              bench [bills|ledger|resources|payments|all] [--customers N --lines N --requests N ...]
                                 run the benchmarks on generated data and print their figures (bench/README.md)
            configuration: environment variables, see README.md""";

    private Main() {
    }

    /** The commands {@link #main} dispatches; the {@code bss} script runs test, build, bench and chaos itself. */
    public static Set<String> commandNames() {
        return Set.of("up", "down", "status", "restart", "call", "clock", "admin", "audit", "reconcile", "supervise",
                "help");
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("bss.root", ".")).toAbsolutePath().normalize();
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "help" : arguments.getFirst();
        try {
            LocalSettings settings = LocalSettings.fromEnvironment(root);
            int exit = switch (command) {
                case "up" -> up(settings);
                case "down" -> down(settings);
                case "status" -> status(settings);
                case "restart" -> restart(settings, arguments.subList(1, arguments.size()));
                case "call" -> new CallCommand(settings).run(arguments.subList(1, arguments.size()));
                case "clock" -> clock(settings, arguments.subList(1, arguments.size()));
                case "admin" -> admin(settings, arguments.subList(1, arguments.size()));
                case "audit" -> platformAdmin(settings)
                        .map(admin -> new AuditCommand(admin).run(arguments.subList(1, arguments.size())))
                        .orElse(1);
                case "reconcile" -> platformAdmin(settings)
                        .map(admin -> new ReconcileCommand(admin, settings.endpoint())
                                .run(arguments.subList(1, arguments.size())))
                        .orElse(1);
                case "supervise" -> {
                    new Supervisor(settings).run();
                    yield 0;
                }
                default -> {
                    System.out.println(USAGE);
                    yield command.equals("help") ? 0 : 2;
                }
            };
            System.exit(exit);
        } catch (LauncherException e) {
            System.err.println("bss: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("bss: " + e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    private static int up(LocalSettings settings) throws IOException {
        StateFile stateFile = new StateFile(settings.home());
        Optional<ObjectNode> state = stateFile.read();
        if (state.isPresent() && alive(state.get().path("pid").asLong())) {
            String status = state.get().path("status").asText();
            if (status.equals("ready")) {
                System.out.println("OpenBSS is already running.");
                printReady(settings, state.get());
                return 0;
            }
            if (status.equals("degraded")) {
                // the supervisor is restarting what is down, perhaps waiting between attempts: no more waiting
                RestartRequests requests = new RestartRequests(settings.home());
                state.get().path("down").forEach(name -> requests.ask(name.asText()));
                System.out.print("OpenBSS is degraded (down: " + names(state.get().path("down"))
                        + "); starting what is missing");
                return awaitReady(settings, stateFile, () -> alive(state.get().path("pid").asLong()));
            }
        }
        cleanUp(settings, stateFile);
        PrivateFiles.directory(settings.home());
        Files.createDirectories(settings.logs());
        Path log = settings.logs().resolve("supervisor.log");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(settings.javaCommand(), "-Xmx256m", "-Dbss.root=" + settings.root(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "supervise"));
        Process supervisor = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        System.out.print("Starting OpenBSS (PostgreSQL, billing, orders, enterprise, gateway)");
        return awaitReady(settings, stateFile, supervisor::isAlive);
    }

    /** Waits (printing dots) until the supervisor says "ready", and prints how to call the platform. */
    private static int awaitReady(LocalSettings settings, StateFile stateFile, BooleanSupplier supervisorAlive) {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            ServiceProcess.sleep(500);
            System.out.print(".");
            Optional<ObjectNode> current = stateFile.read();
            String status = current.map(s -> s.path("status").asText()).orElse("");
            if (status.equals("ready")) {
                System.out.printf(" ready in %.1f s.%n%n", (System.nanoTime() - started) / 1e9);
                printReady(settings, current.get());
                return 0;
            }
            if (status.equals("failed") || !supervisorAlive.getAsBoolean()) {
                System.out.println(" failed: " + current.map(s -> s.path("message").asText())
                        .orElse("see " + settings.logs().resolve("supervisor.log")));
                System.out.println("Logs: " + settings.logs());
                return 1;
            }
        }
        System.out.println(" not ready after 5 minutes; see " + settings.logs());
        return 1;
    }

    /** {@code ./bss restart <process>}: the supervisor stops it (gracefully) and starts it again. */
    private static int restart(LocalSettings settings, List<String> arguments) {
        StateFile stateFile = new StateFile(settings.home());
        Optional<ObjectNode> state = stateFile.read();
        if (state.isEmpty() || !alive(state.get().path("pid").asLong())) {
            System.out.println("OpenBSS is not running (./bss up starts it).");
            return 1;
        }
        List<String> known = new ArrayList<>();
        state.get().path("services").forEach(service -> known.add(service.path("name").asText()));
        if (state.get().has("postgresql")) {
            known.add(Watchdog.POSTGRESQL);
        }
        if (arguments.size() != 1 || !known.contains(arguments.getFirst())) {
            System.out.println("usage: ./bss restart <" + String.join("|", known) + ">");
            return 2;
        }
        String name = arguments.getFirst();
        int restarts = process(state.get(), name).path("restarts").asInt();
        new RestartRequests(settings.home()).ask(name);
        System.out.print("Restarting " + name);
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && alive(state.get().path("pid").asLong())) {
            ServiceProcess.sleep(250);
            System.out.print(".");
            JsonNode now = stateFile.read().map(s -> process(s, name)).orElse(JSON.createObjectNode());
            if (now.path("restarts").asInt() > restarts && now.path("up").asBoolean()) {
                System.out.printf(" ready in %.1f s (pid %d).%n", (System.nanoTime() - started) / 1e9,
                        now.path("pid").asLong());
                return 0;
            }
        }
        System.out.println(" not back; see ./bss status and " + settings.logs());
        return 1;
    }

    private static JsonNode process(JsonNode state, String name) {
        if (name.equals(Watchdog.POSTGRESQL)) {
            return state.path("postgresql");
        }
        for (JsonNode service : state.path("services")) {
            if (service.path("name").asText().equals(name)) {
                return service;
            }
        }
        return JSON.createObjectNode();
    }

    private static String names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return String.join(", ", names);
    }

    private static void printReady(LocalSettings settings, JsonNode state) {
        DemoCredentials demo = DemoCredentials.read(settings.demoEnvFile());
        System.out.println("  BSS API    " + state.path("endpoint").asText()
                + "   (AK/SK-signed as the Huawei Cloud SDK signs; X-Domain-Id optional)");
        System.out.println("  Admin API  " + state.path("admin_endpoint").asText()
                + "   (Authorization: Bearer $(cat " + settings.home().resolve("secrets/admin.token") + "))");
        if (demo.get("BSS_AK") != null) {
            System.out.println();
            System.out.println("  Demo credentials, also in " + settings.demoEnvFile() + " (source it):");
            for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
                System.out.printf("    %-20s %-17s AK=%s  SK=%s  domain_id=%s%n", account.name(), account.kind(),
                        demo.get(account.envPrefix() + "AK"), demo.get(account.envPrefix() + "SK"),
                        demo.get(account.envPrefix() + "DOMAIN_ID"));
            }
            System.out.println("    Password of each account's own user, and of the users finance (bss_finance) and "
                    + "operator (bss_operator) of demo-enterprise: " + demo.get("BSS_PASSWORD")
                    + " (POST /v3/auth/tokens for an X-Auth-Token)");
            System.out.println();
            System.out.println("  Try:");
            System.out.println("    ./bss call ShowCustomerAccountBalances");
            System.out.println("    ./bss call ListCustomerOrders --limit 5 --order_by -createTime");
            System.out.println("    ./bss call ListEnterpriseSubCustomers --fuzzy_query 1 --sub_customer_account_name sub");
            System.out.println("    ./bss call ShowMultiAccountTransferAmount --balance_type BALANCE_TYPE_DEBIT");
            System.out.println("    ./bss call ShowCustomerAccountBalances --as SUB1");
        }
        System.out.println();
        System.out.println("  Logs: " + settings.logs() + "    Status: ./bss status    Stop: ./bss down");
    }

    private static int status(LocalSettings settings) {
        Optional<ObjectNode> state = new StateFile(settings.home()).read();
        if (state.isEmpty() || !alive(state.get().path("pid").asLong())) {
            System.out.println("OpenBSS is not running (./bss up starts it).");
            return 1;
        }
        JsonNode s = state.get();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> lines = new ArrayList<>();
        List<String> down = new ArrayList<>();
        s.path("down").forEach(name -> down.add(name.asText()));
        for (JsonNode service : s.path("services")) {
            String name = service.path("name").asText();
            String health = health(http, service.path("port").asInt());
            if (health.equals("DOWN") && !down.contains(name) && s.path("status").asText().equals("ready")) {
                down.add(name + " (not ready)");
            }
            long rss = ServiceProcess.residentMiB(service.path("pid").asLong());
            lines.add(String.format("  %-19s pid %-8d %-6s started in %5.2f s, RSS %d MiB now (%d MiB when ready),"
                            + " %d restarts%s", name, service.path("pid").asLong(), health,
                    service.path("startup_ms").asLong() / 1e3, rss, service.path("rss_mib").asLong(),
                    service.path("restarts").asInt(), lastExit(service)));
        }
        String status = s.path("status").asText();
        if (status.equals("ready") && !down.isEmpty()) {
            status = "degraded";
        }
        System.out.println("OpenBSS: " + status + (down.isEmpty() ? "" : ", down: " + String.join(", ", down))
                + "; supervisor pid " + s.path("pid").asLong()
                + (s.has("ready_ms") ? String.format(", ready %.1f s after start", s.path("ready_ms").asLong() / 1e3)
                : ""));
        System.out.println("  endpoint " + s.path("endpoint").asText() + "   admin " + s.path("admin_endpoint").asText());
        JsonNode postgres = s.path("postgresql");
        System.out.println("  PostgreSQL " + s.path("database").asText("?") + (postgres.has("pid")
                ? String.format(", pid %d, %s, %d restarts%s", postgres.path("pid").asLong(),
                postgres.path("up").asBoolean() ? "UP" : "DOWN", postgres.path("restarts").asInt(), lastExit(postgres))
                : ""));
        lines.forEach(System.out::println);
        return status.equals("ready") ? 0 : 3;
    }

    private static String lastExit(JsonNode process) {
        return process.path("last_exit").isTextual() ? " (last: " + process.path("last_exit").asText()
                + (process.path("next_start").isTextual() ? ", next start " + process.path("next_start").asText()
                : "") + ")" : "";
    }

    private static int admin(LocalSettings settings, List<String> arguments) throws IOException {
        Optional<AdminClient> admin = platformAdmin(settings);
        if (admin.isEmpty()) {
            return 1;
        }
        if (arguments.size() < 2 || !List.of("GET", "POST", "PUT", "DELETE").contains(arguments.get(0))
                || !arguments.get(1).startsWith("/admin/")) {
            System.out.println(USAGE);
            return 2;
        }
        Object body = arguments.size() > 2 ? JSON.readTree(arguments.get(2)) : null;
        AdminClient.Answer answer = admin.get().send(arguments.get(0), arguments.get(1), body);
        System.out.println("HTTP " + answer.status());
        if (!answer.body().isNull()) {
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
        }
        return answer.ok() ? 0 : 1;
    }

    /** The admin API of the running platform, with its admin token; empty (and said so) when none runs. */
    private static Optional<AdminClient> platformAdmin(LocalSettings settings) {
        Optional<ObjectNode> state = new StateFile(settings.home()).read();
        if (state.isEmpty() || !alive(state.get().path("pid").asLong())) {
            System.out.println("OpenBSS is not running (./bss up starts it).");
            return Optional.empty();
        }
        return Optional.of(new AdminClient(state.get().path("admin_endpoint").asText(),
                Secrets.loadOrCreate(settings.home()).adminToken()));
    }

    private static int clock(LocalSettings settings, List<String> arguments) {
        Optional<AdminClient> admin = platformAdmin(settings);
        if (admin.isEmpty()) {
            return 1;
        }
        SandboxClock clock = new SandboxClock(admin.get());
        String change = arguments.isEmpty() ? "" : arguments.getFirst();
        Matcher forward = Pattern.compile("\\+(\\d{1,5})([dh])").matcher(change);
        if (change.equals("reset")) {
            clock.offset(Duration.ZERO);
        } else if (forward.matches()) {
            long amount = Long.parseLong(forward.group(1));
            clock.offset(clock.offset().plus(forward.group(2).equals("d") ? Duration.ofDays(amount)
                    : Duration.ofHours(amount)));
            clock.runLifecycle();
        } else if (!change.isEmpty()) {
            System.out.println(USAGE);
            return 2;
        }
        long hours = clock.offset().toHours();
        System.out.println("Business time " + clock.now() + " (UTC), " + Math.abs(hours) + " h "
                + (hours < 0 ? "behind" : "ahead of") + " real time; the gateway keeps real time.");
        return 0;
    }

    private static int down(LocalSettings settings) {
        StateFile stateFile = new StateFile(settings.home());
        boolean wasRunning = stateFile.read().map(s -> alive(s.path("pid").asLong())).orElse(false);
        cleanUp(settings, stateFile);
        System.out.println(wasRunning ? "OpenBSS stopped." : "OpenBSS was not running.");
        return 0;
    }

    /** Stops the supervisor, then whatever it left behind (services, PostgreSQL) if it died without cleaning up. */
    private static void cleanUp(LocalSettings settings, StateFile stateFile) {
        Optional<ObjectNode> state = stateFile.read();
        state.ifPresent(s -> stop(s.path("pid").asLong(), Duration.ofSeconds(60)));
        state.ifPresent(s -> s.path("services").forEach(service -> stop(service.path("pid").asLong(),
                Duration.ofSeconds(20))));
        Path pgdata = settings.home().resolve("pgdata");
        if (Files.exists(pgdata.resolve("postmaster.pid"))) {
            try {
                stop(Database.postmasterPid(pgdata), Duration.ofSeconds(30));
            } catch (IOException e) {
                System.err.println("bss: cannot read " + pgdata.resolve("postmaster.pid") + ": " + e.getMessage());
            }
        }
        stateFile.delete();
    }

    private static void stop(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String health(HttpClient http, int port) {
        try {
            int code = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return code == 200 ? "UP" : "DOWN";
        } catch (IOException e) {
            return "DOWN";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
