package io.openbss.bench;

import io.openbss.launcher.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up time (process start to /q/health/ready answering 200) and resident memory when ready of each service,
 * started alone while the others idle, with the JVM options of ./bss up: without an AOT cache ({@code
 * -XX:AOTMode=off}, as on JDK 21), then as ./bss up runs it on JDK 25, from the AOT cache its first run trained
 * (JEP 483/514/515; the bench platform made them when it started). Median of {@code runs} starts per variant. With
 * {@code quarkusCache}, a third variant: the cache Quarkus wrote during the training ITs of the {@code aot} Maven
 * profile ({@code target/quarkus-app/app.aot}), used with {@code -XX:AOTMode=on} so that a cache the JVM cannot use
 * fails the run instead of measuring a start without it.
 */
final class StartupBench {

    static final List<String> SERVICES = List.of("billing-service", "orders-service", "enterprise-service", "gateway");

    private final BenchPlatform platform;

    StartupBench(BenchPlatform platform) {
        this.platform = platform;
    }

    record Start(long millis, long residentMiB) {
    }

    void run(int runs, boolean quarkusCache) {
        int feature = Runtime.version().feature();
        System.out.printf("startup: each service restarted alone %d times per variant (the others idle), JVM %s, "
                + "./bss up's JVM options, %d cores%n", runs, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (String name : SERVICES) {
            Start plain = median(name, List.of("-XX:AOTMode=off"), runs);
            String line = String.format("  %-19s no AOT cache %6d ms %4d MiB", name, plain.millis(),
                    plain.residentMiB());
            if (feature >= 25) {
                Start cached = median(name, List.of(), runs);
                line += String.format("   ./bss up's AOT cache %6d ms %4d MiB (%.0f%% of the time)", cached.millis(),
                        cached.residentMiB(), 100.0 * cached.millis() / plain.millis());
            } else {
                line += "   AOT cache: needs JDK 25 (this is " + feature + ")";
            }
            if (quarkusCache) {
                Path cache = platform.root().resolve(name).resolve("target/quarkus-app/app.aot");
                if (!Files.exists(cache)) {
                    throw new IllegalStateException(cache + " is missing: build with the aot profile first");
                }
                Start aot = median(name, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"), runs);
                line += String.format("   Quarkus app.aot %6d ms %4d MiB (%.0f%%)", aot.millis(), aot.residentMiB(),
                        100.0 * aot.millis() / plain.millis());
            }
            System.out.println(line);
            platform.platform().restart(name, List.of());
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
