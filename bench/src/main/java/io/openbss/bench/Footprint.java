package io.openbss.bench;

import io.openbss.launcher.ServiceProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of each service of the bench platform, run as ./bss up runs it: when ready (right after the
 * platform started, before any load), and the peak under the benches' load, sampled from /proc every 250 ms by a
 * background thread from the first load bench until after the last, by bench and in all.
 */
final class Footprint implements AutoCloseable {

    static final double TARGET_READY_MIB = 150;
    static final double TARGET_LOADED_MIB = 250;

    private final List<ServiceProcess> services;
    private final Map<String, Long> ready = new ConcurrentHashMap<>();
    /** The peaks by bench, in the order the benches ran: bench → service → MiB. */
    private final Map<String, Map<String, Long>> peaksByBench = new LinkedHashMap<>();
    /** The peaks of the bench running now, which the sampler adds to. */
    private volatile Map<String, Long> benchPeaks;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "footprint-sampler");
        thread.setDaemon(true);
        return thread;
    });

    Footprint(BenchPlatform platform) {
        // the platform's own services, not the extra gateways a bench starts
        this.services = platform.platform().services().stream()
                .filter(service -> StartupBench.SERVICES.contains(service.name())).toList();
        services.forEach(service -> ready.put(service.name(), service.residentMiB()));
    }

    void ready(Targets targets) {
        for (ServiceProcess service : services) {
            long resident = ready.get(service.name());
            System.out.printf("footprint: %-19s %4d MiB resident when ready; %s%n", service.name(), resident,
                    options(service));
            targets.atMost("footprint: " + service.name() + " resident when ready", resident, TARGET_READY_MIB,
                    Targets.Unit.MIB, options(service), 0);
        }
    }

    /** From now on the samples are {@code bench}'s (until the next bench); the first bench starts the sampling. */
    synchronized void bench(String bench) {
        benchPeaks = new ConcurrentHashMap<>();
        peaksByBench.put(bench, benchPeaks);
        if (peaksByBench.size() == 1) {
            sampler.scheduleAtFixedRate(() -> services.forEach(service -> benchPeaks.merge(service.name(),
                    service.residentMiB(), Math::max)), 0, 250, TimeUnit.MILLISECONDS);
        }
    }

    /** The peaks while {@code load} ran ({@code all}: every load bench). */
    void underLoad(Targets targets, String load) {
        close();
        for (ServiceProcess service : services) {
            long peak = -1;
            StringBuilder byBench = new StringBuilder();
            synchronized (this) {
                for (Map.Entry<String, Map<String, Long>> bench : peaksByBench.entrySet()) {
                    long benchPeak = bench.getValue().getOrDefault(service.name(), -1L);
                    peak = Math.max(peak, benchPeak);
                    byBench.append(byBench.isEmpty() ? "" : ", ").append(bench.getKey()).append(' ').append(benchPeak);
                }
            }
            System.out.printf("footprint: %-19s %4d MiB resident at most under the load of %s (by bench: %s), %d MiB"
                    + " now%n", service.name(), peak, load, byBench, service.residentMiB());
            targets.atMost("footprint: " + service.name() + " peak resident under load", peak, TARGET_LOADED_MIB,
                    Targets.Unit.MIB, "load: " + load + "; when ready " + ready.get(service.name()) + " MiB", 0);
        }
    }

    /** The JVM options the service runs with (the launcher's, which the footprint depends on). */
    private static String options(ServiceProcess service) {
        List<String> arguments = List.of(ProcessHandle.of(service.pid()).flatMap(p -> p.info().arguments())
                .orElse(new String[0]));
        int jar = arguments.indexOf("-jar");
        return "JVM " + String.join(" ", jar < 0 ? arguments : arguments.subList(0, jar));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
