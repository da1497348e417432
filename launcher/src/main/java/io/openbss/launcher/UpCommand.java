package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./bss up}: starts the local platform through a supervisor in the background (or finds it running, or starts
 * what is down), and in upstream mode first the stand-in upstream, then links the demo accounts.
 */
@Command(name = "up", description = {"build what is missing, start PostgreSQL, the four services and the console, "
        + "load the demo data and keep them running; on a degraded platform, start what is down",
        "Upstream mode (docs/upstream-mode.md): --upstream first starts a second OpenBSS as the upstream BSS "
                + "(ports 19080-19084, PostgreSQL 15433, state under $BSS_HOME/upstream) and links the demo "
                + "accounts to its accounts of the same name; --upstream-endpoint links demo-enterprise to a real "
                + "account given by BSS_UPSTREAM_AK, BSS_UPSTREAM_SK and BSS_UPSTREAM_DOMAIN_ID."})
final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--upstream", description = "also run the stand-in upstream and link the demo accounts to it")
    boolean upstream;

    @Option(names = "--upstream-endpoint", paramLabel = "URL", converter = UpstreamEndpoint.class,
            description = "link demo-enterprise to the account of BSS_UPSTREAM_AK, BSS_UPSTREAM_SK and "
                    + "BSS_UPSTREAM_DOMAIN_ID at this upstream BSS, e.g. https://bss.myhuaweicloud.com")
    URI upstreamEndpoint;

    /** Where the upstream account's credential comes from (a test gives its own). */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws IOException {
        if (upstream && upstreamEndpoint != null) {
            throw new ParameterException(spec.commandLine(), "--upstream and --upstream-endpoint exclude each "
                    + "other");
        }
        UpstreamCredential real = null;
        if (upstreamEndpoint != null) {
            List<String> missing = UpstreamCredential.missing(environment, UpstreamCredential.ACCESS_KEY_VARIABLE,
                    UpstreamCredential.SECRET_KEY_VARIABLE, UpstreamCredential.DOMAIN_ID_VARIABLE);
            if (!missing.isEmpty()) {
                spec.commandLine().getErr().println("bss: --upstream-endpoint needs the upstream account in the "
                        + "environment: " + String.join(", ", missing) + " not set");
                spec.commandLine().getErr().flush();
                return 2;
            }
            real = new UpstreamCredential(upstreamEndpoint, environment.get(UpstreamCredential.ACCESS_KEY_VARIABLE),
                    environment.get(UpstreamCredential.SECRET_KEY_VARIABLE),
                    environment.get(UpstreamCredential.DOMAIN_ID_VARIABLE));
        }
        LocalSettings settings = LocalSettings.current();
        if ((upstream || real != null) && !settings.demoData()) {
            throw new LauncherException("upstream mode links the demo accounts, and BSS_DEMO=false loads none; "
                    + "link an account with ./bss admin link instead");
        }
        if (upstream) {
            LocalSettings standIn = settings.standIn();
            int standingIn = bringUp(standIn, "The stand-in upstream", "a second OpenBSS under "
                    + standIn.home(), state -> printStandIn(standIn));
            if (standingIn != 0) {
                return standingIn;
            }
        }
        int primary = bringUp(settings, "OpenBSS", "PostgreSQL, billing, orders, enterprise, gateway"
                        + (settings.console() ? ", console" : ""),
                state -> printReady(settings, state));
        if (primary != 0 || (!upstream && real == null)) {
            return primary;
        }
        DemoUpstream demo = new DemoUpstream(settings, new AdminClient(settings.adminEndpoint(),
                Secrets.loadOrCreate(settings.home()).adminToken()));
        System.out.println();
        if (upstream) {
            List<String> linked = demo.linkToStandIn();
            System.out.println("  Upstream   " + settings.standIn().endpoint() + "   (the stand-in; its admin "
                    + "API " + settings.standIn().adminEndpoint() + ", state under " + settings.standIn().home()
                    + ")");
            System.out.println("  Linked     " + String.join(", ", linked) + " -> the stand-in's accounts of the "
                    + "same name (./bss admin links)");
            System.out.println("  Env files  " + settings.demoEnvFile() + " (this platform), "
                    + settings.upstreamEnvFile() + " (the stand-in: BSS_UPSTREAM_ENDPOINT and its demo "
                    + "credentials)");
        } else {
            demo.linkMaster(real);
            System.out.println("  Linked     " + DemoData.MASTER.name() + " -> upstream domain "
                    + real.upstreamDomainId() + " at " + real.endpoint() + " (access key " + real.accessKey()
                    + "; ./bss admin links)");
        }
        return 0;
    }

    /**
     * Brings the platform of {@code settings} up as {@code ./bss up} always did: already ready, then said so; degraded,
     * then what is down is restarted; else a supervisor is started in the background (with the settings' environment)
     * and waited for. {@code onReady} prints how to call it.
     */
    private static int bringUp(LocalSettings settings, String name, String parts, Consumer<JsonNode> onReady)
            throws IOException {
        StateFile stateFile = new StateFile(settings.home());
        Optional<RunningPlatform> running = RunningPlatform.find(settings);
        if (running.isPresent()) {
            ObjectNode state = running.get().state();
            String status = state.path("status").asText();
            if (status.equals("ready")) {
                System.out.println(name + " is already running.");
                onReady.accept(state);
                return 0;
            }
            if (status.equals("degraded")) {
                // the supervisor is restarting what is down, perhaps waiting between attempts: no more waiting
                RestartRequests requests = new RestartRequests(settings.home());
                state.path("down").forEach(down -> requests.ask(down.asText()));
                System.out.print(name + " is degraded (down: " + names(state.path("down"))
                        + "); starting what is missing");
                return awaitReady(settings, stateFile, running.get()::supervisorAlive, onReady);
            }
        }
        PlatformCommands.cleanUp(settings, stateFile);
        PrivateFiles.directory(settings.home());
        Files.createDirectories(settings.logs());
        Path log = settings.logs().resolve("supervisor.log");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        String classPath = System.getProperty("java.class.path");
        command.addAll(List.of(settings.javaCommand(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(ServiceJvm.of(settings.home()).supervisorOptions(
                Stream.of(classPath.split(File.pathSeparator)).map(Path::of).toList()));
        command.addAll(List.of("-Dbss.root=" + settings.root(), "-cp", classPath, Main.class.getName(), "supervise"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(settings.environment());
        // an upstream account's keys are the gateway's to keep (through the admin API), not its processes' to inherit
        builder.environment().keySet().removeIf(variable -> variable.startsWith("BSS_UPSTREAM_"));
        Process supervisor = builder.start();
        System.out.print("Starting " + (name.equals("OpenBSS") ? name : name.toLowerCase(Locale.ROOT))
                + " (" + parts + ")");
        return awaitReady(settings, stateFile, supervisor::isAlive, onReady);
    }

    /** Waits (printing dots) until the supervisor says "ready", and prints how to call the platform. */
    private static int awaitReady(LocalSettings settings, StateFile stateFile, BooleanSupplier supervisorAlive,
            Consumer<JsonNode> onReady) {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(5).toNanos();
        // the state is read every 100 ms, so that "ready" is seen when it is written; a dot every 500 ms shows progress
        for (int polls = 1; System.nanoTime() < deadline; polls++) {
            ServiceProcess.sleep(100);
            if (polls % 5 == 0) {
                System.out.print(".");
            }
            Optional<ObjectNode> current = stateFile.read();
            String status = current.map(s -> s.path("status").asText()).orElse("");
            if (status.equals("ready")) {
                System.out.printf(" ready in %.1f s.%n%n", (System.nanoTime() - started) / 1e9);
                onReady.accept(current.get());
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

    private static void printStandIn(LocalSettings standIn) {
        System.out.println("  Stand-in upstream  " + standIn.endpoint() + "   (admin API " + standIn.adminEndpoint()
                + ", demo credentials in " + standIn.demoEnvFile() + ")");
        System.out.println();
    }

    private static void printReady(LocalSettings settings, JsonNode state) {
        DemoCredentials demo = DemoCredentials.read(settings.demoEnvFile());
        System.out.println("  BSS API    " + state.path("endpoint").asText()
                + "   (AK/SK-signed as the Huawei Cloud SDK signs; X-Domain-Id optional)");
        System.out.println("  Admin API  " + state.path("admin_endpoint").asText()
                + "   (Authorization: Bearer $(cat " + settings.home().resolve("secrets/admin.token") + "))");
        if (state.path("console_endpoint").isTextual()) {
            System.out.println("  Console    " + state.path("console_endpoint").asText() + "   ("
                    + (demo.get("BSS_AK") != null ? "sign in as " + DemoData.MASTER.name() + " / $BSS_PASSWORD, "
                    + "operators" : "operators sign in") + " with the admin token)");
        }
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

    private static String names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return String.join(", ", names);
    }
}
