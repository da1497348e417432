package io.openbss.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.launcher.DemoCredentials;
import io.openbss.launcher.LocalSettings;
import io.openbss.launcher.StateFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./bss up} as a developer runs it, built, on a home it has initialised before: the real script in a child
 * process with its own home ({@code bench/target/up-home}) and free ports, timed from process start until it exits
 * having printed that the platform is ready (it leaves the platform running in the background). The first run on a
 * new home loads the demo data and is not timed. Run when the bench platform is closed, so that nothing competes.
 */
final class UpBench {

    static final double TARGET_SECONDS = 10;

    private final LocalSettings settings;

    UpBench(Path root) {
        this.settings = new LocalSettings(root, root.resolve("bench/target/up-home"), BenchPlatform.freePort(),
                BenchPlatform.freePort(), BenchPlatform.freePort(), BenchPlatform.freePort(), BenchPlatform.freePort(),
                BenchPlatform.freePort(), BenchPlatform.freePort(), Optional.empty(), true,
                ProcessHandle.current().info().command().orElse("java"));
    }

    void run(Targets targets) throws IOException, InterruptedException {
        if (DemoCredentials.read(settings.demoEnvFile()).get("BSS_AK") == null) {
            System.out.println("up: initialising " + settings.home() + " (the demo data's first load, not timed)");
            bss("up");
            bss("down");
        }
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
            for (JsonNode service : state.path("services")) {
                targets.atMost("./bss up: " + service.path("name").asText() + " resident when ready",
                        service.path("rss_mib").asLong(), Footprint.TARGET_READY_MIB, Targets.Unit.MIB,
                        String.format("started in %.1f s", service.path("startup_ms").asLong() / 1e3), 0);
            }
        } finally {
            bss("down");
        }
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
