package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.AutoRenewalResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.AutoRenewalResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.CancelResourcesSubscriptionRequest;
import com.huaweicloud.sdk.bss.v2.model.CouponSimpleInfoOrderPayV3;
import com.huaweicloud.sdk.bss.v2.model.ListEnterpriseMultiAccountRequest;
import com.huaweicloud.sdk.bss.v2.model.PayCustomerOrderV3Req;
import com.huaweicloud.sdk.bss.v2.model.PayOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.ReclaimSubEnterpriseAmountRequest;
import com.huaweicloud.sdk.bss.v2.model.RenewalResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.RenewalResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.RetrieveEnterpriseMultiAccountReq;
import com.huaweicloud.sdk.bss.v2.model.TransferEnterpriseMultiAccountReq;
import com.huaweicloud.sdk.bss.v2.model.UnsubscribeResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.UpdateSubEnterpriseAmountRequest;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import io.openbss.common.time.BssTime;
import io.openbss.launcher.CustomerView;
import io.openbss.launcher.Reconciliation;
import io.openbss.launcher.SandboxClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random histories of an enterprise and its sub-account over simulated months (the sandbox clock), driven through the
 * gateway with the official SDK: purchases paid with cash, coupons, a stored-value card and credit, renewals paid at
 * once, auto-renewals, unsubscriptions with refunds, usage, and fund allocations and reclaims. After each history
 * the reconciliation ({@link Reconciliation}, what {@code ./bss reconcile} runs) finds no difference for its
 * accounts, and the ledger's invariants hold. Each history's seed is printed with any failure;
 * {@code -Dhistory.seed=S -Dhistory.count=1} replays one, on the same dates (its seed picks its first day).
 */
@ExtendWith(TestPlatform.class)
class HistoryIT {

    static final String REGION = "cn-north-4";
    static final String BILLING = "/admin/v1/services/billing/v1";
    static final Instant HISTORY_EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    static final List<String> SERVERS = List.of("s6.small.1.linux", "s6.medium.2.linux", "s6.large.2.linux");

    /** What the histories did, by kind of step: done (2xx) and refused by the business (4xx). */
    static final Map<String, int[]> TALLY = new java.util.TreeMap<>();

    /** The state of one history: its accounts, their clients, resources in use and coupons left. */
    static final class History {
        final Random random;
        final TestPlatform.Customer[] accounts;
        final BssClient[] clients;
        final List<List<String>> resources = List.of(new ArrayList<>(), new ArrayList<>());
        final List<String> coupons = new ArrayList<>();
        final SandboxClock clock;

        History(long seed, SandboxClock clock) {
            this.clock = clock;
            random = new Random(seed);
            accounts = TestPlatform.newEnterprise(String.valueOf(500 + random.nextInt(3000)),
                    random.nextBoolean() ? String.valueOf(100 * (1 + random.nextInt(10))) : null);
            clients = new BssClient[] {accounts[0].client(), accounts[1].client()};
        }
    }

    @Test
    void everyViewOfTheMoneyAgreesAfterRandomHistories() throws Exception {
        long base = Long.getLong("history.seed", System.nanoTime());
        int count = Integer.getInteger("history.count", 50);
        for (int i = 0; i < count; i++) {
            long seed = base + i;
            List<Reconciliation.Difference> differences;
            try {
                differences = play(seed);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("history seed " + seed + " (replay: -Dhistory.seed=" + seed
                        + " -Dhistory.count=1): " + e, e);
            }
            assertThat(differences).as("history seed %d (replay: -Dhistory.seed=%d -Dhistory.count=1)", seed, seed)
                    .isEmpty();
            assertThat(LedgerInvariants.broken()).as("ledger invariants after history seed %d", seed).isEmpty();
        }
        System.out.printf("HistoryIT: %d histories from seed %d reconciled; steps done/refused: %s%n", count, base,
                TALLY.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
                        .toList());
        if (count >= 20) {
            // the histories did what they are for: every kind of step succeeded somewhere
            assertThat(TALLY.keySet()).contains("pay", "renew", "auto-renew", "unsubscribe", "transfer");
            assertThat(TALLY.values()).allSatisfy(t -> assertThat(t[0]).isPositive());
        }
    }

    private List<Reconciliation.Difference> play(long seed) {
        // the history starts on a day of 2025 or 2026 its seed picks, so that a replay plays the same dates
        Instant start = HISTORY_EPOCH.plus(Math.floorMod(seed, 600), ChronoUnit.DAYS)
                .plus(Math.floorMod(seed, 24), ChronoUnit.HOURS);
        SandboxClock clock = new SandboxClock(admin());
        clock.moveTo(start);
        try {
            History h = new History(seed, clock);
            setUp(h);
            int steps = 6 + h.random.nextInt(10);
            for (int step = 0; step < steps; step++) {
                int who = h.random.nextInt(4) == 0 ? 1 : 0;
                switch (h.random.nextInt(8)) {
                    case 0, 1 -> buy(h, who);
                    case 2 -> renew(h, who);
                    case 3 -> autoRenew(h, who);
                    case 4 -> unsubscribe(h, who);
                    case 5 -> moveFunds(h);
                    case 6 -> usage(h, who);
                    default -> later(h);
                }
            }
            later(h);
            return reconcile(h, YearMonth.from(BssTime.businessDate(start)),
                    YearMonth.from(BssTime.businessDate(h.clock.now())));
        } finally {
            clock.offset(Duration.ZERO);
        }
    }

    /** Coupons and a stored-value card for the master, each with some chance. */
    private static void setUp(History h) {
        String master = h.accounts[0].id();
        for (int i = h.random.nextInt(3); i > 0; i--) {
            Map<String, Object> coupon = new HashMap<>(Map.of("idempotency_key", UUID.randomUUID().toString(),
                    "customer_id", master, "coupon_type", 1, "face_value",
                    new BigDecimal(10 * (1 + h.random.nextInt(30))), "plan_name", "History cash coupon",
                    "service_type_codes", h.random.nextBoolean() ? List.of() : List.of("hws.service.type.ec2"),
                    "valid_time", BssTime.formatWire(h.clock.now().minus(1, ChronoUnit.DAYS)),
                    "expire_time", BssTime.formatWire(h.clock.now().plus(400, ChronoUnit.DAYS))));
            h.coupons.add(admin().expect("POST", BILLING + "/coupons", coupon).path("id").asText());
        }
        if (h.random.nextBoolean()) {
            admin().expect("POST", BILLING + "/stored-value-cards", Map.of("idempotency_key",
                    UUID.randomUUID().toString(), "customer_id", master, "card_name", "History card", "face_value",
                    new BigDecimal(50 * (1 + h.random.nextInt(10))), "effective_time",
                    BssTime.formatWire(h.clock.now().minus(1, ChronoUnit.DAYS)), "expire_time",
                    BssTime.formatWire(h.clock.now().plus(400, ChronoUnit.DAYS))));
        }
    }

    /** A cloud service orders a server (with a disk, sometimes) for 1-3 months; the account pays it. */
    private static void buy(History h, int who) {
        Map<String, Object> vm = OrdersIT.product("vm", null, "hws.service.type.ec2", "hws.resource.type.vm",
                SERVERS.get(h.random.nextInt(SERVERS.size())), 1 + h.random.nextInt(3));
        List<Map<String, Object>> products = new ArrayList<>(List.of(vm));
        if (h.random.nextBoolean()) {
            Map<String, Object> disk = OrdersIT.product("disk", "vm", "hws.service.type.ebs", "hws.resource.type.volume",
                    h.random.nextBoolean() ? "SATA" : "SSD", (Integer) vm.get("period_num"));
            disk.put("resource_size", 10 * (1 + h.random.nextInt(10)));
            disk.put("size_measure_id", 17);
            products.add(disk);
        }
        JsonNode order = admin().expect("POST", OrdersIT.ORDERS, Map.of("idempotency_key", UUID.randomUUID().toString(),
                "customer_id", h.accounts[who].id(), "products", products));
        PayCustomerOrderV3Req pay = new PayCustomerOrderV3Req().withOrderId(order.path("order_id").asText());
        if (who == 0 && !h.coupons.isEmpty() && h.random.nextBoolean()) {
            String coupon = h.coupons.get(h.random.nextInt(h.coupons.size()));
            pay.withUseCoupon("YES").withCouponInfos(List.of(new CouponSimpleInfoOrderPayV3().withId(coupon)
                    .withType(302)));
        } else if (h.random.nextInt(3) == 0) {
            pay.withUseDiscount("NO").withUseCoupon("NO");
        }
        if (refusedUnlessPaid("pay", () -> h.clients[who].payOrders(new PayOrdersRequest().withBody(pay)))) {
            h.resources.get(who).add(order.path("resource_ids").get(0).asText());
        }
    }

    private static void renew(History h, int who) {
        pick(h, who).ifPresent(resource -> refusedUnlessPaid("renew", () -> h.clients[who].renewalResources(
                new RenewalResourcesRequest().withBody(new RenewalResourcesReq().withResourceIds(List.of(resource))
                        .withPeriodType(2).withPeriodNum(1 + h.random.nextInt(2)).withIsAutoPay(1)))));
    }

    private static void autoRenew(History h, int who) {
        pick(h, who).ifPresent(resource -> refusedUnlessPaid("auto-renew", () -> h.clients[who].autoRenewalResources(
                new AutoRenewalResourcesRequest().withResourceId(resource).withBody(new AutoRenewalResourcesReq()
                        .withAutoRenewTimes(1 + h.random.nextInt(3))))));
    }

    private static void unsubscribe(History h, int who) {
        pick(h, who).ifPresent(resource -> {
            if (refusedUnlessPaid("unsubscribe", () -> h.clients[who].cancelResourcesSubscription(
                    new CancelResourcesSubscriptionRequest().withBody(new UnsubscribeResourcesReq()
                            .withResourceIds(List.of(resource)).withUnsubscribeType(1)
                            .withUnsubscribeReasonType(5))))) {
                h.resources.get(who).remove(resource);
            }
        });
    }

    /**
     * The master allocates cash to its sub-account, or reclaims some of what it is told it may reclaim (mostly part of
     * it, sometimes any amount, refused when that is more); with nothing to reclaim, it allocates.
     */
    private static void moveFunds(History h) {
        String sub = h.accounts[1].id();
        long reclaimable = h.random.nextInt(3) > 0 ? 0 : reclaimableCents(h);
        if (reclaimable == 0) {
            String amount = BigDecimal.valueOf(1 + h.random.nextInt(20000), 2).toPlainString();
            refusedUnlessPaid("transfer", () -> h.clients[0].updateSubEnterpriseAmount(
                    new UpdateSubEnterpriseAmountRequest().withBody(new TransferEnterpriseMultiAccountReq().withCustomerId(sub).withAmount(amount)
                            .withTransId(UUID.randomUUID().toString()).withBalanceType("BALANCE_TYPE_DEBIT"))));
        } else {
            String amount = BigDecimal.valueOf(h.random.nextInt(4) > 0 ? 1 + h.random.nextLong(reclaimable)
                    : 1 + h.random.nextInt(20000), 2).toPlainString();
            refusedUnlessPaid("reclaim", () -> h.clients[0].reclaimSubEnterpriseAmount(
                    new ReclaimSubEnterpriseAmountRequest().withBody(new RetrieveEnterpriseMultiAccountReq().withCustomerId(sub).withAmount(amount)
                            .withTransId(UUID.randomUUID().toString()).withBalanceType("BALANCE_TYPE_DEBIT"))));
        }
    }

    /** What the master is told it may reclaim from its sub-account, in cents. */
    private static long reclaimableCents(History h) {
        return withinRateLimit(() -> h.clients[0].listEnterpriseMultiAccount(new ListEnterpriseMultiAccountRequest()
                .withSubCustomerId(h.accounts[1].id()).withBalanceType("BALANCE_TYPE_DEBIT")))
                .getAmountInfos().get(0).getAvailRetrieveAmount().movePointRight(2).longValue();
    }

    /** A pay-per-use server of the account ran some of the last day's hours: metered, then rated. */
    private static void usage(History h, int who) {
        Instant hour = h.clock.now().truncatedTo(ChronoUnit.HOURS).minus(1 + h.random.nextInt(20), ChronoUnit.HOURS);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 1 + h.random.nextInt(4); i > 0; i--, hour = hour.minus(1, ChronoUnit.HOURS)) {
            Map<String, Object> r = new HashMap<>();
            r.put("record_id", UUID.randomUUID().toString());
            r.put("customer_id", h.accounts[who].id());
            r.put("resource_id", "payg-" + h.accounts[who].id().substring(0, 8));
            r.put("service_type_code", "hws.service.type.ec2");
            r.put("resource_type_code", "hws.resource.type.vm");
            r.put("region_code", REGION);
            r.put("resource_spec", SERVERS.get(h.random.nextInt(SERVERS.size())));
            r.put("usage_type_code", "Duration");
            r.put("usage", new BigDecimal(1 + h.random.nextInt(60)));
            r.put("usage_measure_id", 6);
            r.put("begin_time", BssTime.formatWire(hour));
            r.put("end_time", BssTime.formatWire(hour.plus(1, ChronoUnit.HOURS)));
            records.add(r);
        }
        admin().expect("POST", BILLING + "/usage-records", Map.of("records", records));
        while (admin().expect("POST", BILLING + "/usage-records/ratings", Map.of()).path("charges").asInt() > 0) {
            // every closed hour is rated
        }
    }

    /** Business time moves 1-20 days on; the lifecycle renews, expires and deletes what is due. */
    private static void later(History h) {
        h.clock.moveTo(h.clock.now().plus(1 + h.random.nextInt(20), ChronoUnit.DAYS));
        h.clock.runLifecycle();
    }

    private static java.util.Optional<String> pick(History h, int who) {
        List<String> owned = h.resources.get(who);
        return owned.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(owned.get(h.random.nextInt(owned.size())));
    }

    /**
     * Runs a customer's call: true when it succeeded; a refusal of the business (4xx: not enough money, a resource
     * expired meanwhile) is part of a random history, a server error is not.
     */
    private static boolean refusedUnlessPaid(String kind, Supplier<?> call) {
        int[] tally = TALLY.computeIfAbsent(kind, k -> new int[2]);
        try {
            withinRateLimit(call);
            tally[0]++;
            return true;
        } catch (ClientRequestException e) {
            assertThat(e.getHttpStatusCode()).as(e.getErrorCode() + " " + e.getErrorMsg()).isBetween(400, 499);
            tally[1]++;
            return false;
        }
    }

    /** Runs a call again while the gateway answers 429 (up to 20 times). */
    private static <T> T withinRateLimit(Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (ClientRequestException e) {
                if (e.getHttpStatusCode() != 429 || attempt >= 20) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Reconciliation.Difference> reconcile(History h, YearMonth first, YearMonth last) {
        Reconciliation reconciliation = new Reconciliation();
        for (TestPlatform.Customer account : h.accounts) {
            reconciliation.customer(new CustomerView(TestPlatform.settings().endpoint(),
                    account.id(), account.accessKey(), account.secretKey()), first, last);
        }
        return reconciliation.finish();
    }
}
