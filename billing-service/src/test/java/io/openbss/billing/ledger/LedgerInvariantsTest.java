package io.openbss.billing.ledger;

import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.operator;
import static io.openbss.billing.BillingTestSupport.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.LedgerProbe;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of recharges, charges (with coupons, cards, credit and arrears), refunds, transfers, replays and
 * reused keys, sent by many callers at once: after every round the ledger's invariants hold, no request is a 5xx,
 * and no idempotency key is ever posted twice. The seed is printed; {@code -Dledger.seed=...} replays a run.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class LedgerInvariantsTest {

    static final List<String> SERVICES = List.of("hws.service.type.ec2", "hws.service.type.ebs");

    @Inject
    Pool pool;

    /** A request that can be sent again. */
    record Call(String path, Map<String, Object> body, String key) {
    }

    final List<String> customers = new ArrayList<>();
    final Map<String, List<String>> coupons = new HashMap<>();
    final List<Call> sent = new CopyOnWriteArrayList<>();
    final Map<String, Long> firstEntry = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> firstPostings = new ConcurrentHashMap<>();
    final List<String[]> paidCharges = new CopyOnWriteArrayList<>();

    @Test
    void invariantsHoldUnderRandomConcurrentMovements() throws Exception {
        long seed = Long.getLong("ledger.seed", System.nanoTime());
        System.out.println("LedgerInvariantsTest seed " + seed);
        Random random = new Random(seed);
        LedgerProbe probe = new LedgerProbe(pool);
        for (int i = 0; i < 6; i++) {
            String id = newCustomerId();
            register(id, i % 2 == 0 ? new BigDecimal("300.00") : null).statusCode(200);
            send(new Call("/internal/v1/ledger/recharges", Map.of("idempotency_key", "seed-" + id, "customer_id", id,
                    "amount", new BigDecimal("200.00")), "seed-" + id), true);
            customers.add(id);
            coupons.put(id, new ArrayList<>(List.of(
                    ChargeTest.issueCoupon(id, 1, "40.00", null, List.of(SERVICES.getFirst()), null),
                    ChargeTest.issueCoupon(id, 1, "25.00", null, List.of(), null))));
            ChargeTest.issueCard(id, "30.00");
        }
        ExecutorService executor = Executors.newFixedThreadPool(6);
        for (int round = 0; round < 8; round++) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(next(random, round + "-" + i));
            }
            List<Future<?>> running = new ArrayList<>();
            for (Call call : calls) {
                running.add(executor.submit(() -> send(call, false)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            probe.assertInvariants();
        }
        executor.shutdown();
        firstPostings.forEach((key, count) -> assertThat(count.get()).as("first postings of %s", key).isEqualTo(1));
        assertThat(firstPostings).hasSizeGreaterThan(100);
    }

    private Call next(Random random, String tag) {
        String customer = customers.get(random.nextInt(customers.size()));
        int kind = random.nextInt(100);
        if (kind < 15) {
            return new Call("/internal/v1/ledger/recharges", Map.of("idempotency_key", "r-" + tag, "customer_id",
                    customer, "amount", money(random, 5, 150)), "r-" + tag);
        }
        if (kind < 55) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                Map<String, Object> line = line(SERVICES.get(random.nextInt(2)), money(random, 0, 60).add(
                        BigDecimal.valueOf(random.nextInt(1_000_000), 8)).toPlainString());
                if (random.nextInt(4) == 0) {
                    line.put("bill_type", 5);
                    line.put("charging_mode", 3);
                }
                lines.add(line);
            }
            Map<String, Object> body = new HashMap<>();
            body.put("idempotency_key", "c-" + tag);
            body.put("customer_id", customer);
            body.put("trade_id", "CS-" + tag);
            body.put("lines", lines);
            if (random.nextInt(3) == 0) {
                body.put("coupon_ids", List.of(coupons.get(customer).get(random.nextInt(2))));
            }
            if (random.nextInt(4) == 0) {
                body.put("allow_debt", true);
            }
            return new Call("/internal/v1/ledger/charges", body, "c-" + tag);
        }
        if (kind < 65 && !paidCharges.isEmpty()) {
            String[] charge = paidCharges.get(random.nextInt(paidCharges.size()));
            Map<String, Object> line = line(SERVICES.getFirst(), money(random, 1, 30).negate().toPlainString());
            line.put("bill_type", 4);
            return new Call("/internal/v1/ledger/refunds", Map.of("idempotency_key", "f-" + tag, "customer_id",
                    charge[0], "trade_id", "RF-" + tag, "refunds_trade_id", charge[1], "lines", List.of(line)),
                    "f-" + tag);
        }
        if (kind < 85) {
            String other = customers.get(random.nextInt(customers.size()));
            if (other.equals(customer)) {
                other = customers.get((customers.indexOf(customer) + 1) % customers.size());
            }
            return new Call("/internal/v1/ledger/transfers", Map.of("idempotency_key", "t-" + tag,
                    "from_customer_id", customer, "to_customer_id", other, "amount", money(random, 1, 80),
                    "balance_type", random.nextInt(3) == 0 ? "BALANCE_TYPE_CREDIT" : "BALANCE_TYPE_DEBIT"), "t-" + tag);
        }
        if (!sent.isEmpty()) {
            Call earlier = sent.get(random.nextInt(sent.size()));
            if (kind < 95) {
                return earlier;
            }
            Map<String, Object> changed = new HashMap<>(earlier.body());
            changed.put("customer_id", customers.get(random.nextInt(customers.size())) + "x");
            return new Call(earlier.path(), changed, earlier.key());
        }
        return new Call("/internal/v1/ledger/recharges", Map.of("idempotency_key", "r-" + tag, "customer_id",
                customer, "amount", new BigDecimal("1.00")), "r-" + tag);
    }

    private void send(Call call, boolean mustSucceed) {
        ExtractableResponse<Response> response = call.path().endsWith("/recharges")
                ? given().header("Authorization", operator()).contentType("application/json").body(call.body())
                        .post(call.path()).then().extract()
                : internal(call.path(), call.body()).extract();
        assertThat(response.statusCode()).as("%s %s: %s", call.path(), call.body(), response.body().asString())
                .isIn(200, 400);
        if (mustSucceed) {
            assertThat(response.statusCode()).isEqualTo(200);
        }
        if (response.statusCode() != 200) {
            return;
        }
        long entry = response.jsonPath().getLong("entry_id");
        Long first = firstEntry.putIfAbsent(call.key(), entry);
        assertThat(first == null ? entry : first).as("entry of key %s", call.key()).isEqualTo(entry);
        if (!response.jsonPath().getBoolean("replayed")) {
            firstPostings.computeIfAbsent(call.key(), k -> new AtomicInteger()).incrementAndGet();
            sent.add(call);
            if (call.path().endsWith("/charges")) {
                paidCharges.add(new String[] {(String) call.body().get("customer_id"), (String) call.body().get("trade_id")});
            }
        }
    }

    private static BigDecimal money(Random random, int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100 + 1), 2);
    }
}
