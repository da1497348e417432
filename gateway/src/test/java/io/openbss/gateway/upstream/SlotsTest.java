package io.openbss.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.testing.EmbeddedRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The upstream quota's promise: the upstream, which counts a call at some moment between its sending and its
 * answer, never counts more than the limit in any one-second window, however the calls are delayed on the way.
 */
class SlotsTest {

    static final long WINDOW_MS = 1000;

    /** Upstream count times (ms), sorted: no {@code limit + 1} of them within one window. */
    static void assertNoWindowOverLimit(List<Long> counted, int limit) {
        List<Long> times = counted.stream().sorted().toList();
        for (int i = 0; i + limit < times.size(); i++) {
            assertThat(times.get(i + limit) - times.get(i)).as("calls %d..%d counted upstream", i, i + limit)
                    .isGreaterThanOrEqualTo(WINDOW_MS);
        }
    }

    /**
     * Many callers, each sending as soon as it may, on a simulated clock: each admitted call reaches the upstream
     * after a random delay (up to 800 ms: a congested network, a busy upstream) and is answered after another.
     */
    @Property(tries = 60)
    void theUpstreamNeverCountsMoreThanTheLimitInOneWindowWhateverTheDelays(@ForAll @IntRange(min = 1, max = 8) int limit,
            @ForAll @IntRange(min = 1, max = 30) int callers, @ForAll long seed) {
        Random random = new Random(seed);
        long[] now = {0};
        LocalSlots slots = new LocalSlots(() -> TimeUnit.MILLISECONDS.toNanos(now[0]), WINDOW_MS, 60_000);
        record Event(long at, int caller, String call, boolean answer) {
        }
        PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
        for (int c = 0; c < callers; c++) {
            events.add(new Event(random.nextInt(200), c, null, false));
        }
        List<Long> counted = new ArrayList<>();
        int sent = 0;
        while (!events.isEmpty() && now[0] < 10_000) {
            Event event = events.poll();
            now[0] = event.at();
            if (event.answer()) {
                slots.answered("q", event.call());
                events.add(new Event(now[0] + random.nextInt(50), event.caller(), null, false));
                continue;
            }
            String call = "c" + event.caller() + "-" + now[0];
            Slots.Taking taking = slots.take("q", call, limit).result();
            if (taking.taken()) {
                sent++;
                long arrives = now[0] + random.nextInt(800);
                counted.add(arrives);
                events.add(new Event(arrives + random.nextInt(300), event.caller(), call, true));
            } else {
                long wait = taking.retryAfterMillis() < 0 ? UpstreamQuotas.POLL_MILLIS : taking.retryAfterMillis();
                events.add(new Event(now[0] + wait, event.caller(), null, false));
            }
        }
        assertThat(sent).isGreaterThan(limit);
        assertNoWindowOverLimit(counted, limit);
    }

    /** Two gateway replicas sharing the slots in Redis, callers on both, delays on real time. */
    @Test
    void replicasSharingRedisKeepTheLimitTogether() throws Exception {
        try (EmbeddedRedis server = new EmbeddedRedis()) {
            Vertx vertx = Vertx.vertx();
            try {
                List<RedisSlots> replicas = List.of(
                        new RedisSlots(Redis.createClient(vertx, server.url()), Duration.ofSeconds(2), WINDOW_MS,
                                60_000),
                        new RedisSlots(Redis.createClient(vertx, server.url()), Duration.ofSeconds(2), WINDOW_MS,
                                60_000));
                int limit = 4;
                String quota = "Op:" + System.nanoTime();
                List<Long> counted = new CopyOnWriteArrayList<>();
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3_000);
                List<CompletableFuture<Void>> callers = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    callers.add(done);
                    RedisSlots slots = replicas.get(i % 2);
                    String caller = "caller-" + i;
                    vertx.runOnContext(v -> keepCalling(vertx, slots, quota, caller, limit, until, counted, done));
                }
                CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                assertThat(counted.size()).isGreaterThan(2 * limit);
                assertNoWindowOverLimit(counted, limit);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Takes a slot; once taken, the "upstream" counts the call after a delay and answers after another. */
    private static void keepCalling(Vertx vertx, RedisSlots slots, String quota, String caller, int limit, long until,
            List<Long> counted, CompletableFuture<Void> done) {
        if (System.nanoTime() > until) {
            done.complete(null);
            return;
        }
        String call = caller + "-" + System.nanoTime();
        slots.take(quota, call, limit).onFailure(done::completeExceptionally).onSuccess(taking -> {
            if (!taking.taken()) {
                long wait = taking.retryAfterMillis() < 0 ? UpstreamQuotas.POLL_MILLIS : taking.retryAfterMillis();
                vertx.setTimer(wait, t -> keepCalling(vertx, slots, quota, caller, limit, until, counted, done));
                return;
            }
            // wall clock, as Redis's TIME: the count comes after the taking and before the answer
            vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(400), arrived -> {
                counted.add(Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
                vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(200), answered -> slots.answered(quota, call)
                        .compose(v -> Future.<Void>succeededFuture())
                        .onComplete(v -> keepCalling(vertx, slots, quota, caller, limit, until, counted, done)));
            });
        });
    }
}
