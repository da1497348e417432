package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.signing.SignedHttpClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A storm of fund transfers through OpenBSS to a sub-account of the upstream enterprise while the upstream's
 * enterprise-service crashes (SIGKILL) and comes back after a while. The clients are careful: a transfer whose
 * outcome is unknown (no answer, 5xx, 429, "in progress") is sent again with the same trans_id until it is answered
 * for good. Afterwards, on the upstream's ledger, each trans_id moved money once if it was acknowledged and never
 * otherwise, the sub-account received exactly the acknowledged amounts, the ledger's invariants hold; and the
 * test platform's enterprise-service opened its breaker {@code upstream} during the outage and closed it after.
 */
@ExtendWith({TestPlatform.class, StandInUpstream.class})
class UpstreamOutageIT {

    static final String TRANSFER = "/v2/enterprises/multi-accounts/transfer-amount";
    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    static final int CLIENTS = 4;
    static final int WRITES_BETWEEN = 20;
    static final Duration DOWN_FOR = Duration.ofSeconds(12);
    static final Duration ANSWERED_WITHIN = Duration.ofSeconds(180);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One transfer as its client saw it: the statuses (-1: no answer) and error codes, in order. */
    record Write(String transId, BigDecimal amount, List<String> answers) {

        boolean acknowledged() {
            return !answers.isEmpty() && answers.getLast().startsWith("2");
        }
    }

    final SignedHttpClient client = StandInUpstream.linked().signed();
    final String sub = StandInUpstream.demo().get("BSS_SUB2_DOMAIN_ID");
    final Queue<Write> writes = new ConcurrentLinkedQueue<>();
    final AtomicInteger acknowledged = new AtomicInteger();
    final Set<String> breakerStates = ConcurrentHashMap.newKeySet();

    @Test
    void eachTransferMovesMoneyUpstreamOnceAcrossAnOutageAndTheBreakerOpensAndCloses() throws Exception {
        BigDecimal subBefore = cash(StandInUpstream.signed("BSS_SUB2_"));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
        long outage;
        try {
            threads.submit(() -> watchBreaker(running));
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(threads.submit(() -> transfer(running)));
            }
            awaitAcknowledged(WRITES_BETWEEN);
            StandInUpstream.service("enterprise-service").kill();
            long down = System.nanoTime();
            Thread.sleep(DOWN_FOR.toMillis());
            StandInUpstream.restart("enterprise-service", List.of());
            outage = System.nanoTime() - down;
            awaitAcknowledged(acknowledged.get() + WRITES_BETWEEN);
            running.set(false);
            for (Future<?> worker : clients) {
                worker.get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            threads.shutdown();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
        String closed = awaitBreaker("closed");
        awaitNothingPending();

        List<String> wrong = new ArrayList<>();
        BigDecimal acknowledgedAmount = BigDecimal.ZERO;
        int repeated = 0;
        String master = StandInUpstream.demo().get("BSS_DOMAIN_ID");
        try (Connection ledger = StandInUpstream.database()) {
            for (Write write : writes) {
                long moved = UpstreamIT.ledgerMovements(ledger, master, write.transId());
                if (moved != (write.acknowledged() ? 1 : 0)) {
                    wrong.add(write.transId() + " answered " + write.answers() + " moved money " + moved + " times");
                }
                if (write.acknowledged()) {
                    acknowledgedAmount = acknowledgedAmount.add(write.amount());
                }
                repeated += write.answers().size() > 1 ? 1 : 0;
            }
            assertThat(LedgerInvariants.broken(ledger)).as("the upstream's ledger invariants").isEmpty();
        }
        BigDecimal received = cash(StandInUpstream.signed("BSS_SUB2_")).subtract(subBefore);
        Map<String, Integer> answers = new TreeMap<>();
        writes.forEach(write -> write.answers().forEach(answer -> answers.merge(answer, 1, Integer::sum)));
        System.out.printf("UpstreamOutageIT: %d transfers, %d acknowledged (%s), %d sent more than once; answers %s; "
                + "enterprise-service down %d ms; the sub-account received %s; breaker states seen %s%n",
                writes.size(), writes.stream().filter(Write::acknowledged).count(), acknowledgedAmount, repeated,
                answers, outage / 1_000_000, received, breakerStates);
        assertThat(wrong).as("transfers lost or doubled").isEmpty();
        assertThat(writes).as("transfers answered for good").allSatisfy(write -> assertThat(write.answers())
                .last().asString().doesNotStartWith("-1").doesNotStartWith("5"));
        assertThat(received).as("received by the sub-account").isEqualByComparingTo(acknowledgedAmount);
        assertThat(repeated).as("transfers the outage made the clients send again").isPositive();
        assertThat(breakerStates).as("states of the breaker upstream").contains("open");
        assertThat(closed).isEqualTo("closed");
    }

    /** One client: new transfers one after another, each sent until it is answered for good. */
    private void transfer(AtomicBoolean running) {
        while (running.get()) {
            String transId = "up-storm-" + UUID.randomUUID();
            BigDecimal amount = BigDecimal.valueOf(1 + (transId.hashCode() & 0xff), 2);
            Write write = new Write(transId, amount, new ArrayList<>());
            writes.add(write);
            byte[] body = JsonBodies.JSON.createObjectNode().put("customer_id", sub)
                    .put("amount", amount.toPlainString()).put("trans_id", transId)
                    .put("balance_type", EnterpriseIT.CASH).toString().getBytes();
            long deadline = System.nanoTime() + ANSWERED_WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                String answer = post(body);
                write.answers().add(answer);
                if (!unknown(answer)) {
                    if (write.acknowledged()) {
                        acknowledged.incrementAndGet();
                    }
                    break;
                }
                LockSupport.parkNanos(Duration.ofMillis(answer.startsWith("429") ? 100 : 200).toNanos());
            }
        }
    }

    /** Whether the transfer's outcome is not known yet, so that it is sent again with the same trans_id. */
    private static boolean unknown(String answer) {
        return answer.startsWith("-1") || answer.startsWith("5") || answer.startsWith("429")
                || answer.endsWith("CBC.99007461");
    }

    /** The answer's status and error code ({@code "200"}, {@code "503 APIG.0201"}), or {@code "-1 ..."}. */
    private String post(byte[] body) {
        try {
            SignedHttpClient.Response response = client.send("POST", TRANSFER, null, body);
            if (response.status() / 100 == 2) {
                return String.valueOf(response.status());
            }
            JsonNode json = response.body().isBlank() ? JsonBodies.JSON.nullNode()
                    : JsonBodies.JSON.readTree(response.body());
            return response.status() + " " + json.path("error_code").asText();
        } catch (IOException e) {
            return "-1 " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-1 interrupted";
        }
    }

    private void awaitAcknowledged(int count) {
        long deadline = System.nanoTime() + ANSWERED_WITHIN.toNanos();
        while (acknowledged.get() < count) {
            assertThat(System.nanoTime()).as(count + " transfers acknowledged within " + ANSWERED_WITHIN)
                    .isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** Notes every state that the test platform's enterprise-service shows for its breaker, until told to stop. */
    private void watchBreaker(AtomicBoolean running) {
        while (running.get()) {
            String state = breaker();
            if (state != null) {
                breakerStates.add(state);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** Waits until the breaker shows {@code state}, for a minute at most, and returns the last state seen. */
    private String awaitBreaker(String state) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String seen = breaker();
        while (!state.equals(seen) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            seen = breaker();
        }
        return seen;
    }

    /** The state of the breaker {@code upstream} in the test platform's enterprise-service's wellness checks. */
    private static String breaker() {
        HttpRequest well = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + TestPlatform.settings().enterprisePort() + "/q/health/well")).timeout(Duration.ofSeconds(2)).build();
        try {
            JsonNode checks = JsonBodies.JSON.readTree(HTTP.send(well, HttpResponse.BodyHandlers.ofString()).body())
                    .path("checks");
            for (JsonNode check : checks) {
                if (check.path("data").has("upstream")) {
                    return check.path("data").path("upstream").asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until the upstream's reconciler has finished every transfer of its master that the crash left. */
    private static void awaitNothingPending() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try (Connection db = StandInUpstream.database(); PreparedStatement query = db.prepareStatement(
                    "SELECT count(*) FROM enterprise.transfer WHERE master_customer_id = ? AND status = 'PENDING'")) {
                query.setString(1, StandInUpstream.demo().get("BSS_DOMAIN_ID"));
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                    assertThat(System.nanoTime()).as(rs.getLong(1) + " transfers still pending upstream")
                            .isLessThan(deadline);
                }
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
    }

    /** An account's cash balance, read straight from the upstream. */
    private static BigDecimal cash(SignedHttpClient account) throws Exception {
        SignedHttpClient.Response response = account.send("GET", BALANCES, null, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode balance : JsonBodies.JSON.readTree(response.body()).path("account_balances")) {
            if (balance.path("account_type").asInt() == 1) {
                return new BigDecimal(balance.path("amount").asText());
            }
        }
        throw new AssertionError("no cash balance in " + response.body());
    }
}
