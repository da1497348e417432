package io.openbss.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.launcher.DemoCredentials;
import io.openbss.launcher.LocalSettings;
import io.openbss.launcher.StateFile;
import io.openbss.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./bss up} as a developer runs it, built, on a home it has initialised before: the real script in a child
 * process with its own home ({@code bench/target/up-home}) and free ports, timed from process start until it exits
 * having printed that the platform is ready (it leaves the platform running in the background). A start before it is
 * not timed: on a new home it loads the demo data, after a rebuild it trains the AOT caches. Run when the bench
 * platform is closed, so that nothing competes.
 */
final class UpBench {

    static final double TARGET_SECONDS = 10;

    private final LocalSettings settings;

    UpBench(Path root) {
        this.settings = new LocalSettings(root, root.resolve("bench/target/up-home"), FreePorts.take(),
                FreePorts.take(), FreePorts.take(), FreePorts.take(), FreePorts.take(),
                FreePorts.take(), FreePorts.take(), Optional.empty(), true,
                ProcessHandle.current().info().command().orElse("java"));
    }

    void run(Targets targets) throws IOException, InterruptedException {
        // the demo data's first load, or after a rebuild the AOT caches' training run: a start that is not timed
        boolean newHome = DemoCredentials.read(settings.demoEnvFile()).get("BSS_AK") == null;
        System.out.println("up: a first start, not timed: " + (newHome ? "initialises " + settings.home()
                : "trains the AOT caches if the build is new"));
        bss("up");
        bss("down");
        long start = System.nanoTime();
        try {
            String up = bss("up");
            double seconds = (System.nanoTime() - start) / 1e9;
            Matcher own = Pattern.compile("ready in [0-9.]+ s").matcher(up);
            System.out.printf("up: ./bss up exited ready %.1f s after its start (it printed: %s)%n", seconds,
                    own.find() ? own.group() : "?");
            bss("status").lines().forEach(line -> System.out.println("up:   " + line));
            JsonNode state = new StateFile(settings.home()).read().orElseThrow();
            long servicesMillis = 0;
            for (JsonNode service : state.path("services")) {
                servicesMillis = Math.max(servicesMillis, service.path("startup_ms").asLong());
            }
            // the supervisor is ready once the demo data is reloaded after the services: both times tell where it goes
            targets.atMost("./bss up: ready (built, home initialised)", seconds, TARGET_SECONDS,
                    Targets.Unit.SECONDS, String.format("supervisor ready %.1f s after its start, its services "
                            + "after %.1f s", state.path("ready_ms").asLong() / 1e3, servicesMillis / 1e3), 0);
            startupCpu(state, targets);
            for (JsonNode service : state.path("services")) {
                targets.atMost("./bss up: " + service.path("name").asText() + " resident when ready",
                        service.path("rss_mib").asLong(), Footprint.TARGET_READY_MIB, Targets.Unit.MIB,
                        String.format("started in %.1f s", service.path("startup_ms").asLong() / 1e3), 0);
            }
        } finally {
            bss("down");
        }
    }

    /**
     * Where the start-up's processor time went: each service's CPU time from its start until ready (just after
     * {@code ./bss up} returned), its JIT compiler threads' part apart. Five JVMs share two cores, so the ready time
     * is bounded below by their CPU time summed over two.
     */
    private static void startupCpu(JsonNode state, Targets targets) throws IOException {
        double total = 0;
        double jit = 0;
        for (JsonNode service : state.path("services")) {
            double[] cpu = cpuSeconds(service.path("pid").asLong());
            System.out.printf("up:   %-18s CPU %.2f s until ready, of which JIT compilers %.2f s (%.0f %%)%n",
                    service.path("name").asText(), cpu[0], cpu[1], 100 * cpu[1] / cpu[0]);
            total += cpu[0];
            jit += cpu[1];
        }
        targets.report("./bss up: CPU until ready, all services", String.format(
                "%.1f s (%.1f s on 2 cores), JIT %.0f %%", total, total / 2, 100 * jit / total),
                "C1 and C2 compiler threads apart from the rest");
    }

    /**
     * A process's CPU seconds (user and system, all its threads, ended ones too) and the part of its JIT compiler
     * threads.
     */
    private static double[] cpuSeconds(long pid) throws IOException {
        Path process = Path.of("/proc", String.valueOf(pid));
        double jit = 0;
        try (var tasks = Files.list(process.resolve("task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                jit += stat.contains("CompilerThre") ? CpuBudget.ticks(stat) / CpuBudget.TICKS_PER_SECOND : 0;
            }
        }
        double all = CpuBudget.ticks(Files.readString(process.resolve("stat"))) / CpuBudget.TICKS_PER_SECOND;
        return new double[] {all, jit};
    }

    /** {@code ./bss command} with this home and ports; its output, failing unless it exits 0. */
    private String bss(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(settings.root().resolve("bss").toString(), command)
                .directory(settings.root().toFile()).redirectErrorStream(true);
        builder.environment().putAll(settings.environment());
        // ./bss bench turns the platform's quotas off for its own platform; ./bss up runs with them
        builder.environment().remove("BSS_GATEWAY_RATE_LIMITS_ENABLED");
        Process bss = builder.start();
        String output = new String(bss.getInputStream().readAllBytes());
        if (bss.waitFor() != 0) {
            throw new IllegalStateException("./bss " + command + " exited " + bss.exitValue() + ": " + output);
        }
        return output;
    }
}
