package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The upstream's per-API quota kept here: the stand-in's gateway refuses more than {@value #QUOTA} balance reads a
 * second, and ours is told the same quota for that operation. A burst from several users of the linked account is
 * admitted up to the quota (a call waits up to one second for room) and refused here beyond it, so that the upstream
 * never refuses one.
 */
@ExtendWith({TestPlatform.class, StandInUpstream.class})
class UpstreamQuotaIT {

    static final String OPERATION = "ShowCustomerAccountBalances";
    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    static final int QUOTA = 5;
    static final int CALLS = 100;

    @BeforeAll
    static void quotas() {
        StandInUpstream.restart("gateway", List.of("-Dbss.gateway.rate-limits.enabled=true",
                "-Dbss.gateway.rate-limits.operations." + OPERATION + "=" + QUOTA));
        TestPlatform.restart("gateway", List.of("-Dbss.gateway.upstream.limits." + OPERATION + "=" + QUOTA,
                "-Dbss.gateway.upstream.max-wait=PT1S"));
    }

    @AfterAll
    static void asTheyWere() {
        StandInUpstream.restart("gateway", List.of());
        TestPlatform.restart("gateway", List.of());
    }

    /** A call as its caller saw it: when it was sent (ns), its status and error code. */
    record Call(long sentAt, int status, String code) {
    }

    @Test
    void aBurstFromSeveralUsersIsHeldToTheUpstreamQuotaAndTheUpstreamRefusesNone() throws Exception {
        List<SignedHttpClient> callers = callers(3);
        for (SignedHttpClient caller : callers) {
            // each caller is allowed, and the JVMs have served this path once, before the quota's second starts
            SignedHttpClient.Response first = caller.send("GET", BALANCES, null, null);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
        }
        Thread.sleep(2000);
        Map<Integer, Long> before = StandInUpstream.answers(OPERATION);

        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        long start = System.nanoTime() + Duration.ofMillis(300).toNanos();
        List<Future<Call>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            SignedHttpClient caller = callers.get(i % callers.size());
            long at = start + i * Duration.ofMillis(9).toNanos();
            calls.add(pool.submit(() -> {
                LockSupport.parkNanos(at - System.nanoTime());
                long sent = System.nanoTime();
                SignedHttpClient.Response answer = caller.send("GET", BALANCES, null, null);
                String code = answer.status() == 200 ? null
                        : JsonBodies.JSON.readTree(answer.body()).path("error_code").asText();
                return new Call(sent, answer.status(), code);
            }));
        }
        List<Call> answered = new ArrayList<>();
        for (Future<Call> call : calls) {
            answered.add(call.get());
        }
        long finished = System.nanoTime();
        pool.shutdown();
        Map<Integer, Long> after = StandInUpstream.answers(OPERATION);

        Map<String, Integer> outcomes = new TreeMap<>();
        answered.forEach(call -> outcomes.merge(call.status() + (call.code() == null ? "" : " " + call.code()), 1,
                Integer::sum));
        long sentOver = answered.stream().mapToLong(Call::sentAt).max().orElseThrow()
                - answered.stream().mapToLong(Call::sentAt).min().orElseThrow();
        Map<String, Long> egress = new TreeMap<>();
        for (StandInUpstream.Sample sample : StandInUpstream.metrics(TestPlatform.settings().adminEndpoint())) {
            if (sample.name().equals("bss_upstream_calls_seconds_count")
                    && OPERATION.equals(sample.labels().get("operation"))) {
                egress.merge(sample.labels().get("outcome"), sample.value().longValue(), Long::sum);
            }
        }
        System.out.printf("UpstreamQuotaIT: %d calls sent over %d ms, answered within %d ms: %s; the stand-in "
                + "answered %s before, %s after; our egress's calls by outcome since it started %s%n", CALLS,
                sentOver / 1_000_000, (finished - start) / 1_000_000, outcomes, before, after, egress);
        assertThat(sentOver).as("calls sent within one second").isLessThan(Duration.ofSeconds(1).toNanos());
        assertThat(outcomes.keySet()).as("answers").containsExactlyInAnyOrder("200", "429 APIG.0308");
        long admitted = outcomes.get("200");
        assertThat(after.getOrDefault(429, 0L)).as("429s of the stand-in").isEqualTo(before.getOrDefault(429, 0L));
        assertThat(after.getOrDefault(200, 0L) - before.getOrDefault(200, 0L)).as("calls the stand-in served")
                .isEqualTo(admitted);
        long seconds = (finished - start + 999_999_999L) / 1_000_000_000L;
        assertThat(admitted).as("admitted in %d started seconds", seconds).isLessThanOrEqualTo(QUOTA * seconds)
                .isGreaterThanOrEqualTo(QUOTA);
    }

    /**
     * The linked account's own keys, and {@code users} IAM users of it with the read-only role and keys of their
     * own, each a caller through the test platform's gateway.
     */
    private static List<SignedHttpClient> callers(int users) {
        AdminClient admin = TestPlatform.admin();
        TestPlatform.Customer account = StandInUpstream.linked();
        String endpoint = TestPlatform.settings().endpoint();
        List<SignedHttpClient> callers = new ArrayList<>(List.of(new SignedHttpClient(URI.create(endpoint),
                account.accessKey(), account.secretKey(), account.id())));
        for (int i = 0; i < users; i++) {
            String user = admin.expect("POST", "/admin/v1/domains/" + account.id() + "/users",
                    Map.of("name", "burst" + UUID.randomUUID().toString().substring(0, 8))).path("user_id").asText();
            admin.expect("PUT", "/admin/v1/users/" + user + "/policies",
                    Map.of("policies", List.of(Map.of("role", "bss_readonly"))));
            JsonNode key = admin.expect("POST", "/admin/v1/domains/" + account.id() + "/access-keys",
                    Map.of("user_id", user));
            callers.add(new SignedHttpClient(URI.create(endpoint), key.path("access_key").asText(),
                    key.path("secret_key").asText(), account.id()));
        }
        return callers;
    }
}
