package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./bss up}, {@code restart}, {@code down}: the local platform's processes, which a supervisor started by
 * {@code up} keeps running ({@code supervise}, hidden, is that supervisor).
 */
final class PlatformCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformCommands() {
    }

    @Command(name = "up", description = {"build what is missing, start PostgreSQL and the four services, load the demo "
            + "data and keep them running; on a degraded platform, start what is down"})
    static final class Up implements Callable<Integer> {

        @Override
        public Integer call() throws IOException {
            LocalSettings settings = LocalSettings.current();
            StateFile stateFile = new StateFile(settings.home());
            Optional<RunningPlatform> running = RunningPlatform.find(settings);
            if (running.isPresent()) {
                ObjectNode state = running.get().state();
                String status = state.path("status").asText();
                if (status.equals("ready")) {
                    System.out.println("OpenBSS is already running.");
                    printReady(settings, state);
                    return 0;
                }
                if (status.equals("degraded")) {
                    // the supervisor is restarting what is down, perhaps waiting between attempts: no more waiting
                    RestartRequests requests = new RestartRequests(settings.home());
                    state.path("down").forEach(name -> requests.ask(name.asText()));
                    System.out.print("OpenBSS is degraded (down: " + names(state.path("down"))
                            + "); starting what is missing");
                    return awaitReady(settings, stateFile, running.get()::supervisorAlive);
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
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            System.out.print("Starting OpenBSS (PostgreSQL, billing, orders, enterprise, gateway)");
            return awaitReady(settings, stateFile, supervisor::isAlive);
        }
    }

    @Command(name = "down", description = "stop everything ./bss up started")
    static final class Down implements Callable<Integer> {

        @Override
        public Integer call() {
            LocalSettings settings = LocalSettings.current();
            boolean wasRunning = RunningPlatform.find(settings).isPresent();
            cleanUp(settings, new StateFile(settings.home()));
            System.out.println(wasRunning ? "OpenBSS stopped." : "OpenBSS was not running.");
            return 0;
        }
    }

    @Command(name = "restart", description = "restart one process: the supervisor stops it (gracefully) and starts it "
            + "again")
    static final class Restart implements Callable<Integer> {

        @Parameters(paramLabel = "<process>", description = "one of ${COMPLETION-CANDIDATES}")
        PlatformProcess process;

        @Override
        public Integer call() {
            LocalSettings settings = LocalSettings.current();
            Optional<RunningPlatform> running = RunningPlatform.find(settings);
            if (running.isEmpty()) {
                System.out.println(RunningPlatform.NOT_RUNNING);
                return 1;
            }
            JsonNode state = running.get().state();
            List<String> known = new ArrayList<>();
            state.path("services").forEach(service -> known.add(service.path("name").asText()));
            if (state.has("postgresql")) {
                known.add(Watchdog.POSTGRESQL);
            }
            String name = process.toString();
            if (!known.contains(name)) {
                // PostgreSQL is not the platform's own when it runs on an external database
                System.out.println("usage: ./bss restart <" + String.join("|", known) + ">");
                return 2;
            }
            int restarts = process(state, name).path("restarts").asInt();
            new RestartRequests(settings.home()).ask(name);
            System.out.print("Restarting " + name);
            long started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(3).toNanos();
            StateFile stateFile = new StateFile(settings.home());
            while (System.nanoTime() < deadline && running.get().supervisorAlive()) {
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
    }

    @Command(name = "supervise", hidden = true, description = "the supervisor that ./bss up starts in the background")
    static final class Supervise implements Callable<Integer> {

        @Override
        public Integer call() throws InterruptedException {
            new Supervisor(LocalSettings.current()).run();
            return 0;
        }
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
                process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }
}
