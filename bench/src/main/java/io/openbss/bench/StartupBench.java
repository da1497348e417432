package io.openbss.bench;

import io.openbss.launcher.Platform;
import io.openbss.launcher.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up time (process start to /q/health/ready answering 200) and resident memory when ready of each service,
 * started alone while the others idle, on the JVM as ./bss up runs it, then with a JDK AOT cache (JEP 483/514,
 * JDK 24+) made by a training run of the same jar: start until ready, stop, the JVM writes the cache at exit. Median
 * of {@code runs} starts per variant. With {@code quarkusCache}, a third variant: the cache Quarkus wrote during the
 * training ITs of the {@code aot} Maven profile ({@code target/quarkus-app/app.aot}, aot-jar packaging), used with
 * {@code -XX:AOTMode=on} so that a cache the JVM cannot use fails the run instead of measuring a start without it.
 */
final class StartupBench {

    static final List<String> SERVICES = List.of("billing-service", "orders-service", "enterprise-service", "gateway");

    private final BenchPlatform platform;

    StartupBench(BenchPlatform platform) {
        this.platform = platform;
    }

    record Start(long millis, long residentMiB) {
    }

    void run(int runs, boolean quarkusCache) throws IOException {
        Platform services = platform.platform();
        Path caches = Files.createDirectories(platform.home().resolve("aot"));
        int feature = Runtime.version().feature();
        System.out.printf("startup: each service restarted alone %d times per variant (the others idle), JVM %s, "
                + "-Xmx512m -XX:+UseSerialGC, %d cores%n", runs, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (String name : SERVICES) {
            Start jvm = median(name, List.of(), runs);
            String line = String.format("  %-19s JVM %6d ms %4d MiB", name, jvm.millis(), jvm.residentMiB());
            if (feature >= 25) {
                Path cache = caches.resolve(name + ".aot");
                Files.deleteIfExists(cache);
                services.restart(name, List.of("-XX:AOTCacheOutput=" + cache));
                services.stop(name, Duration.ofMinutes(3));
                if (!Files.exists(cache)) {
                    throw new IllegalStateException("the training run of " + name + " wrote no AOT cache");
                }
                Start aot = median(name, List.of("-XX:AOTCache=" + cache), runs);
                line += String.format("   AOT cache %6d ms %4d MiB (%.0f%% of the JVM time; cache %d MiB)",
                        aot.millis(), aot.residentMiB(), 100.0 * aot.millis() / jvm.millis(),
                        Files.size(cache) >> 20);
            } else {
                line += "   AOT cache: needs JDK 25 (this is " + feature + ")";
            }
            if (quarkusCache) {
                Path cache = platform.root().resolve(name).resolve("target/quarkus-app/app.aot");
                if (!Files.exists(cache)) {
                    throw new IllegalStateException(cache + " is missing: build with the aot profile first");
                }
                Start aot = median(name, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"), runs);
                line += String.format("   Quarkus app.aot %6d ms %4d MiB (%.0f%%; cache %d MiB)", aot.millis(),
                        aot.residentMiB(), 100.0 * aot.millis() / jvm.millis(), Files.size(cache) >> 20);
            }
            System.out.println(line);
            services.restart(name, List.of());
        }
    }

    private Start median(String name, List<String> options, int runs) {
        List<Long> millis = new ArrayList<>();
        List<Long> memory = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ServiceProcess started = platform.platform().restart(name, options);
            millis.add(started.startupTime().toMillis());
            memory.add(started.residentMiB());
        }
        Collections.sort(millis);
        Collections.sort(memory);
        return new Start(millis.get(runs / 2), memory.get(runs / 2));
    }
}
