package io.openbss.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Sends {@code count} requests from {@code concurrency} clients that each wait for their answer before sending the
 * next (a closed loop), and measures each request's latency on the client side.
 */
final class Load {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The warm-up's window, the JIT's share of the services' CPU in one that counts as settled, the most windows. */
    static final int WINDOW_SECONDS = 5;
    static final double SETTLED_JIT_SHARE = 0.02;
    static final int MAX_WARM_UP_WINDOWS = 24;

    /** What a run measured: latencies in milliseconds, throughput in requests per second. */
    record Figures(String name, int requests, int concurrency, int failures, double seconds, double p50, double p90,
            double p99, double max) {

        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format("%-44s %7d req  c=%-3d %8.0f req/s  p50 %6.2f  p90 %6.2f  p99 %6.2f  max %7.2f ms%s",
                    name, requests, concurrency, perSecond(), p50, p90, p99, max,
                    failures == 0 ? "" : "  FAILURES " + failures);
        }
    }

    private Load() {
    }

    /**
     * Sends requests for {@code seconds} without measuring them, so that the JIT compilation and the database's caches
     * settle before a measured run (a platform other than the bench platform: {@link #warmUntilCompiled}).
     */
    static void warm(int seconds, int concurrency, IntFunction<HttpRequest> request) {
        send(System.nanoTime() + seconds * 1_000_000_000L, new AtomicInteger(), Integer.MAX_VALUE, concurrency,
                request);
    }

    /**
     * Sends requests without measuring them, in windows of {@link #WINDOW_SECONDS}, until the bench platform's
     * services have compiled what the requests run: until their JIT compiler threads used less than
     * {@link #SETTLED_JIT_SHARE} of the services' CPU in two windows in a row, or for at most
     * {@link #MAX_WARM_UP_WINDOWS} windows, or {@code limit} requests. The services start without the method profiles
     * of a training run, so code that a request runs once is compiled by C2 only after thousands of requests: without
     * this a run measured the compilers' work as well (bench/README.md, tenth session). One quiet window was not
     * enough: a service whose compile thresholds are scaled compiles in waves as its methods' counts cross them
     * (sixteenth session). Prints what it took.
     */
    static void warmUntilCompiled(BenchPlatform platform, String prefix, int limit, int concurrency,
            IntFunction<HttpRequest> request) {
        AtomicInteger next = new AtomicInteger();
        Settled settled = untilSettled(() -> CpuBudget.ServiceTicks.of(platform), () -> {
            send(System.nanoTime() + WINDOW_SECONDS * 1_000_000_000L, next, limit, concurrency, request);
            return next.get() < limit;
        });
        System.out.printf("%swarm-up: %,d requests in %s%n", prefix, Math.min(next.get(), limit),
                settled.describe("the services'"));
    }

    /** One window of a warm-up: sends for {@link #WINDOW_SECONDS}; false when it has nothing more to send. */
    interface Window<E extends Exception> {
        boolean send() throws E;
    }

    /** How a warm-up ended: its length, and the JIT's share of the CPU in its last two windows. */
    record Settled(double seconds, double previous, double last) {

        String describe(String whose) {
            return String.format("%.0f s; the JIT's share of %s CPU in the last two windows of %d s %.1f%% and "
                    + "%.1f%%", seconds, whose, WINDOW_SECONDS, 100 * previous, 100 * last);
        }
    }

    /**
     * Runs warm-up windows until the JIT compiler threads of the JVMs that {@code ticks} reads used less than
     * {@link #SETTLED_JIT_SHARE} of their CPU in two windows in a row, or for {@link #MAX_WARM_UP_WINDOWS} windows,
     * or until a window has nothing more to send.
     */
    static <E extends Exception> Settled untilSettled(Supplier<CpuBudget.ServiceTicks> ticks, Window<E> window)
            throws E {
        long start = System.nanoTime();
        double previous = 1;
        for (int n = 1; ; n++) {
            CpuBudget.ServiceTicks before = ticks.get();
            boolean more = window.send();
            double share = ticks.get().jitShareSince(before);
            if ((previous < SETTLED_JIT_SHARE && share < SETTLED_JIT_SHARE) || n == MAX_WARM_UP_WINDOWS || !more) {
                return new Settled((System.nanoTime() - start) / 1e9, previous, share);
            }
            previous = share;
        }
    }

    /** Requests from {@code concurrency} clients, numbered from {@code next}, until {@code until} or {@code limit}. */
    private static void send(long until, AtomicInteger next, int limit, int concurrency,
            IntFunction<HttpRequest> request) {
        try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < until) {
                        int i = next.getAndIncrement();
                        if (i >= limit) {
                            return;
                        }
                        try {
                            HTTP.send(request.apply(i), HttpResponse.BodyHandlers.discarding());
                        } catch (IOException e) {
                            // warming only
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }
    }

    /** Runs the load; request {@code i} is {@code request.apply(i)} and must answer 2xx. */
    static Figures run(String name, int count, int concurrency, IntFunction<HttpRequest> request) {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpRequest r = request.apply(i);
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() / 100 != 2 && failures.getAndIncrement() < 3) {
                                System.err.println(name + ": " + response.statusCode() + " " + response.body());
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies[i] = System.nanoTime() - sent;
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Figures(name, count, concurrency, failures.get(), seconds, ms(latencies, 0.50), ms(latencies, 0.90),
                ms(latencies, 0.99), latencies[count - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
