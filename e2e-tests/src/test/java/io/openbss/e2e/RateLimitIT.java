package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.EmbeddedRedis;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two gateway replicas sharing their quotas through one Redis, in front of the real services: what one admitted,
 * the other counts, and together they admit no more than one quota.
 */
@ExtendWith(TestPlatform.class)
class RateLimitIT {

    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    static final int LIMIT = 5;

    private static EmbeddedRedis redis;
    private static List<String> gateways;

    @BeforeAll
    static void startReplicas() throws Exception {
        redis = new EmbeddedRedis();
        List<String> options = List.of("-Dbss.gateway.rate-limits.enabled=true",
                "-Dbss.gateway.rate-limits.store=redis", "-Dquarkus.redis.hosts=" + redis.url(),
                "-Dbss.gateway.rate-limits.operations.ShowCustomerAccountBalances=" + LIMIT,
                // Behind a proxy at 127.0.0.1, so that each test is a client of its own address.
                "-Dbss.gateway.trusted-proxies=127.0.0.1",
                // A check that Redis cannot answer is refused, never admitted uncounted: the counts below are exact.
                "-Dbss.gateway.rate-limits.redis-failure=closed", "-Dbss.gateway.rate-limits.redis-timeout=PT5S");
        gateways = List.of(TestPlatform.startGateway("gateway-replica-1", options),
                TestPlatform.startGateway("gateway-replica-2", options));
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static Map<String, String> fromNewAddress() {
        return Map.of("X-Forwarded-For", "203.0.113." + ADDRESSES.incrementAndGet());
    }

    private static List<SignedHttpClient> clientsOf(TestPlatform.Customer customer) {
        return gateways.stream().map(endpoint -> new SignedHttpClient(URI.create(endpoint), customer.accessKey(),
                customer.secretKey(), customer.id())).toList();
    }

    @Test
    void aQuotaUsedUpThroughOneReplicaIsUsedUpOnTheOther() throws Exception {
        for (int attempt = 1; ; attempt++) {
            List<SignedHttpClient> replicas = clientsOf(TestPlatform.newIndividual("10"));
            Map<String, String> address = fromNewAddress();
            Instant started = Instant.now();
            List<Integer> statuses = new ArrayList<>();
            List<String> remaining = new ArrayList<>();
            for (int i = 0; i < LIMIT + 1; i++) {
                SignedHttpClient.Response answer = replicas.get(i < LIMIT ? 0 : 1).send("GET", BALANCES, null, address,
                        null, Instant.now());
                statuses.add(answer.status());
                remaining.add(answer.header("X-Apig-RateLimit-api"));
            }
            if (Duration.between(started, Instant.now()).toMillis() > 800 && attempt < 5) {
                continue; // a slow machine spread the calls over more than one window: the attempt proves nothing
            }
            assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
            assertThat(remaining.getFirst()).isEqualTo("remain:" + (LIMIT - 1) + ",limit:" + LIMIT + ",time:1 second");
            assertThat(remaining.getLast()).isEqualTo("remain:0,limit:" + LIMIT + ",time:1 second");
            return;
        }
    }

    /**
     * Sixteen callers, half on each replica, for three seconds: the admitted calls fit the quota over the run (at most
     * the limit per started second: a fixed-window counter split over two replicas would admit up to four times
     * that), and each replica admitted some.
     */
    @Test
    void manyCallersOnBothReplicasGetOneQuotaBetweenThem() throws Exception {
        List<SignedHttpClient> replicas = clientsOf(TestPlatform.newIndividual("10"));
        Map<String, String> address = fromNewAddress();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        long until = started + Duration.ofSeconds(3).toNanos();
        List<Future<int[]>> callers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            SignedHttpClient replica = replicas.get(i % 2);
            callers.add(pool.submit(() -> {
                int[] counts = new int[2];
                while (System.nanoTime() < until) {
                    int status = replica.send("GET", BALANCES, null, address, null, Instant.now()).status();
                    assertThat(status).isIn(200, 429);
                    counts[status == 200 ? 0 : 1]++;
                }
                return counts;
            }));
        }
        int[] admittedByReplica = new int[2];
        int refused = 0;
        for (int i = 0; i < callers.size(); i++) {
            int[] counts = callers.get(i).get();
            admittedByReplica[i % 2] += counts[0];
            refused += counts[1];
        }
        long elapsedNanos = System.nanoTime() - started;
        pool.shutdown();

        int admitted = admittedByReplica[0] + admittedByReplica[1];
        long startedSeconds = (elapsedNanos + 999_999_999L) / 1_000_000_000L;
        assertThat(refused).as("refused calls").isGreaterThan(admitted);
        assertThat(admitted).as("admitted in %d ms at %d/s", elapsedNanos / 1_000_000, LIMIT)
                .isLessThanOrEqualTo((int) (LIMIT * startedSeconds)).isGreaterThanOrEqualTo(2 * LIMIT);
        assertThat(admittedByReplica[0]).as("admitted by the first replica").isPositive();
        assertThat(admittedByReplica[1]).as("admitted by the second replica").isPositive();
    }
}
