package io.openbss.billing.ledger;

import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.billing.LedgerProbe;
import io.openbss.billing.bills.BillLineInput;
import io.openbss.common.error.BssException;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Charges posted together in one transaction pay exactly as they would one by one. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class ChargeBatchesTest {

    static final String ECS = "hws.service.type.ec2";
    static final String EVS = "hws.service.type.ebs";

    @Inject
    Pool pool;

    @Inject
    ChargeBatches batches;

    @Inject
    ChargeService charges;

    LedgerProbe probe;

    @BeforeEach
    void probe() {
        probe = new LedgerProbe(pool);
    }

    /** Three customers with cash, credit and a card; the twin world has the same three again. */
    private record World(List<String> customers, List<String> cards) {
    }

    private static World world(long seed) {
        Random random = new Random(seed);
        List<String> customers = new ArrayList<>();
        List<String> cards = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            String id = newCustomerId();
            register(id, BigDecimal.valueOf(10 + random.nextInt(3) * 20)).statusCode(200);
            recharge("fund-" + id, id, BigDecimal.valueOf(500 + random.nextInt(2_500), 2).toPlainString())
                    .statusCode(200);
            cards.add(random.nextBoolean() ? ChargeTest.issueCard(id, random.nextInt(1, 30) + ".00") : null);
            customers.add(id);
        }
        return new World(customers, cards);
    }

    /** The same random charges for either world: payer, lines, whether cards pay, whether arrears may be run. */
    private static List<ChargeRequest> requests(long seed, World world) {
        Random random = new Random(seed * 31 + 7);
        List<ChargeRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String payer = world.customers().get(random.nextInt(3));
            List<BillLineInput> lines = new ArrayList<>();
            for (int l = random.nextInt(1, 4); l > 0; l--) {
                BigDecimal amount = BigDecimal.valueOf(random.nextLong(1, 1_000_000_000L), 8);
                lines.add(billLine(random.nextBoolean() ? ECS : EVS, amount));
            }
            requests.add(new ChargeRequest("batch-" + UUID.randomUUID(), payer, null, "CS-" + i + "-" + payer,
                    List.of(), random.nextBoolean(), random.nextInt(4) == 0, lines, null));
        }
        return requests;
    }

    private static BillLineInput billLine(String service, BigDecimal amount) {
        return new BillLineInput(service, "hws.resource.type.vm", "cn-north-4", "res-" + UUID.randomUUID(), null,
                null, null, null, null, 1, 1, 20, null, null, null, null, null, null, null, null, amount,
                BigDecimal.ZERO, amount);
    }

    private Map<Integer, ChargeResult> together(List<ChargeRequest> requests) {
        return pool.withTransaction(connection -> batches.together(connection, requests)).await()
                .atMost(java.time.Duration.ofSeconds(30));
    }

    @Test
    void chargesPostedTogetherPayEachAsOneByOneWould() {
        int compared = 0;
        int rolledBack = 0;
        for (long seed = 1; seed <= 8; seed++) {
            World alone = world(seed);
            World together = world(seed);
            List<ChargeRequest> one = requests(seed, alone);
            List<ChargeRequest> all = requests(seed, together);
            List<ChargeResult> expected = new ArrayList<>();
            boolean refused = false;
            for (ChargeRequest request : one) {
                try {
                    expected.add(charges.charge(request).await().atMost(java.time.Duration.ofSeconds(30)));
                } catch (BssException e) {
                    refused = true;
                    expected.add(null);
                }
            }
            if (refused) {
                // a posting with a refused charge is rolled back whole, and every charge then goes alone
                assertThatThrownBy(() -> together(all)).as("seed %d", seed).isInstanceOf(BssException.class);
                for (ChargeRequest request : all) {
                    assertThat(probe.count("SELECT count(*) FROM journal_entry WHERE idempotency_key = $1",
                            "charge:" + request.idempotencyKey())).isZero();
                }
                rolledBack++;
                continue;
            }
            Map<Integer, ChargeResult> posted = together(all);
            compared++;
            assertThat(posted).as("seed %d", seed).hasSize(all.size());
            for (int i = 0; i < all.size(); i++) {
                ChargeResult a = expected.get(i);
                ChargeResult b = posted.get(i);
                assertThat(b.replayed()).isFalse();
                assertThat(List.of(b.amount(), b.cashAmount(), b.creditAmount(), b.storedCardAmount(),
                        b.debtAmount(), b.couponAmount())).as("seed %d charge %d", seed, i)
                        .usingElementComparator(BigDecimal::compareTo)
                        .isEqualTo(List.of(a.amount(), a.cashAmount(), a.creditAmount(), a.storedCardAmount(),
                                a.debtAmount(), a.couponAmount()));
                assertThat(b.lines()).as("seed %d charge %d", seed, i).isEqualTo(a.lines());
                assertThat(b.storedValueCards().size()).isEqualTo(a.storedValueCards().size());
            }
            for (int c = 0; c < 3; c++) {
                for (String type : List.of("CASH", "CREDIT", "DEBT")) {
                    assertThat(probe.balance(together.customers().get(c), type)).as("seed %d %s", seed, type)
                            .isEqualByComparingTo(probe.balance(alone.customers().get(c), type));
                }
                if (alone.cards().get(c) != null) {
                    assertThat(probe.instrumentBalance(together.cards().get(c)))
                            .isEqualByComparingTo(probe.instrumentBalance(alone.cards().get(c)));
                }
                assertThat(probe.count("SELECT count(*) FROM bill_line WHERE payer_customer_id = $1",
                        together.customers().get(c))).isEqualTo(probe.count(
                                "SELECT count(*) FROM bill_line WHERE payer_customer_id = $1",
                                alone.customers().get(c)));
            }
        }
        // the seeds cover both: postings that pay every charge, and postings with a refusal
        assertThat(compared).isGreaterThan(1);
        assertThat(rolledBack).isGreaterThan(0);
        probe.assertInvariants();
    }

    @Test
    void aKeyRepeatedInThePostingOrAlreadyTakenIsLeftToPostAlone() {
        String id = funded("100.00");
        charge("taken-" + id, id, List.of(line(ECS, "1.00")), Map.of()).statusCode(200);
        List<BillLineInput> lines = List.of(billLine(ECS, new BigDecimal("2.00")));
        List<ChargeRequest> requests = List.of(
                new ChargeRequest("first-" + id, id, null, "CS-first-" + id, List.of(), null, null, lines, null),
                new ChargeRequest("first-" + id, id, null, "CS-first-" + id, List.of(), null, null, lines, null),
                new ChargeRequest("taken-" + id, id, null, "CS-taken-" + id, List.of(), null, null,
                        List.of(billLine(ECS, new BigDecimal("1.00"))), null));
        Map<Integer, ChargeResult> posted = together(requests);
        assertThat(posted.keySet()).containsExactly(0);
        assertThat(posted.get(0).cashAmount()).isEqualByComparingTo("2.00");
        assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("97.00");
        assertThat(probe.count("SELECT count(*) FROM journal_entry WHERE customer_id = $1", id)).isEqualTo(3);
        probe.assertInvariants();
    }

    @Test
    void aRefusedChargeRollsBackItsWholePosting() {
        String rich = funded("100.00");
        String poor = funded("1.00");
        List<ChargeRequest> requests = List.of(
                new ChargeRequest("rich-" + rich, rich, null, "CS-rich-" + rich, List.of(), null, null,
                        List.of(billLine(ECS, new BigDecimal("5.00"))), null),
                new ChargeRequest("poor-" + poor, poor, null, "CS-poor-" + poor, List.of(), null, null,
                        List.of(billLine(ECS, new BigDecimal("5.00"))), null));
        assertThatThrownBy(() -> together(requests)).isInstanceOf(BssException.class)
                .hasMessageContaining("Insufficient balance");
        assertThat(probe.balance(rich, "CASH")).isEqualByComparingTo("100.00");
        assertThat(probe.count("SELECT count(*) FROM journal_entry WHERE idempotency_key IN ($1, $2)",
                "charge:rich-" + rich, "charge:poor-" + poor)).isZero();
    }

    @Test
    void manyChargesAtOnceAreEachAnsweredAndPaidOnce() throws Exception {
        List<String> customers = List.of(funded("50.00"), funded("50.00"), funded("50.00"));
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 120; i++) {
                String id = customers.get(i % 3);
                String key = "many-" + i + "-" + id;
                List<Map<String, Object>> lines = List.of(line(ECS, "0.50"));
                // every charge twice: the repetition answers the first
                for (int r = 0; r < 2; r++) {
                    calls.add(CompletableFuture.supplyAsync(() -> charge(key, id, lines, Map.of()).extract()
                            .statusCode(), threads));
                }
            }
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }
        for (String id : customers) {
            assertThat(probe.balance(id, "CASH")).isEqualByComparingTo("30.00");
            assertThat(probe.count("SELECT count(*) FROM journal_entry WHERE customer_id = $1 AND trade_type = "
                    + "'DEDUCT'", id)).isEqualTo(40);
        }
        probe.assertInvariants();
    }
}
