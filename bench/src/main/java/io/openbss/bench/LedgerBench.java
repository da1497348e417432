package io.openbss.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Charges through the internal ledger API (each one journal entry, its balance updates and its bill line, in one
 * transaction): spread over many customers, then all on one hot account. The baseline in the same run is the
 * service's liveness endpoint, the cost of an HTTP round trip alone. Afterwards the ledger's invariants are checked.
 */
final class LedgerBench {

    static final double TARGET_PER_SECOND = 2000;

    private final BenchPlatform platform;
    private final int customers;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    LedgerBench(BenchPlatform platform, int customers) {
        this.platform = platform;
        this.customers = customers;
    }

    void run(int requests, int concurrency, Targets targets) throws SQLException {
        String token = platform.serviceToken();
        Load.warmUntilCompiled(platform, "ledger: ", Integer.MAX_VALUE, concurrency,
                i -> charge(token, "warm", i, new SplittableRandom(i).nextInt(customers)));
        long before = entries();
        Load.Figures baseline = CpuBudget.measure(platform, "ledger: ", () -> Load.run(
                "baseline: GET /q/health/live", requests, concurrency,
                i -> HttpRequest.newBuilder(URI.create(platform.billing() + "/q/health/live")).GET().build()));
        Load.Figures spread = CpuBudget.measure(platform, "ledger: ", () -> Load.run(
                "charges over " + customers + " customers", requests, concurrency,
                i -> charge(token, "spread", i, new SplittableRandom(i).nextInt(customers))));
        Load.Figures hot = CpuBudget.measure(platform, "ledger: ", () -> Load.run(
                "charges on one hot account", requests / 4, concurrency, i -> charge(token, "hot", i, 0)));
        // Charges that arrive together are posted together (billing-service's ChargeBatches, up to 32 a
        // transaction), so the hot account's row lock is held once per posting, not once per charge: its design
        // bound is the rate of postings, as for charges spread. One client alone posts one charge at a time.
        Load.Figures alone = Load.run("charges on the hot account, one client", Math.max(100, requests / 40), 1,
                i -> charge(token, "alone", i, 0));
        long moved = entries() - before;
        System.out.println("ledger: " + alone.line());
        System.out.printf("ledger: hot account %.0f/s, %.0f%% of charges spread; one client alone %.0f/s (p50 "
                + "%.2f ms)%n", hot.perSecond(), 100 * hot.perSecond() / spread.perSecond(), alone.perSecond(),
                alone.p50());
        targets.perSecond("ledger: charges spread over " + customers + " accounts", spread, TARGET_PER_SECOND,
                baseline);
        targets.report("ledger: charges on one hot account, " + concurrency + " clients", String.format(
                "%,.0f/s (%.0f%% of spread)", hot.perSecond(), 100 * hot.perSecond() / spread.perSecond()),
                String.format("spread %,.0f/s; one client %,.0f/s (p50 %.2f ms): a posting of up to 32 charges "
                        + "holds the row lock once", spread.perSecond(), alone.perSecond(), alone.p50()));
        long expected = requests + requests / 4 + alone.requests() - spread.failures() - hot.failures()
                - alone.failures();
        Invariants invariants = invariants();
        String measured = moved + " journal entries for " + expected + " charges answered 2xx; " + invariants;
        System.out.println("ledger: " + measured);
        targets.check("ledger: one entry per charge, lines sum to 0, balances equal their lines", measured,
                moved == expected && invariants.hold());
    }

    private HttpRequest charge(String token, String kind, int i, int customer) {
        String amount = BigDecimal.valueOf(1 + i % 97, 2).toPlainString();
        String key = "bench-" + run + "-" + kind + "-" + i;
        String body = """
                {"idempotency_key":"%s","customer_id":"%s","trade_id":"%s","allow_debt":true,
                 "lines":[{"service_type_code":"hws.service.type.ec2","resource_type_code":"hws.resource.type.vm",
                 "region_code":"cn-north-4","resource_id":"bench-vm-%d","bill_type":5,"charging_mode":3,
                 "period_type":25,"official_amount":%s,"discount_amount":0,"amount":%s}]}"""
                .formatted(key, BillDataGenerator.customerId(customer), key, customer, amount, amount);
        return HttpRequest.newBuilder(URI.create(platform.billing() + "/internal/v1/ledger/charges"))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private long entries() throws SQLException {
        try (Connection db = platform.jdbc(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM journal_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The ledger's invariants over the whole journal: its lines sum to zero, every balance is its lines' sum. */
    private record Invariants(BigDecimal journalSum, long balancesOff) {

        boolean hold() {
            return journalSum.signum() == 0 && balancesOff == 0;
        }

        @Override
        public String toString() {
            return "sum of all journal lines " + journalSum.toPlainString() + ", balances differing from their lines "
                    + balancesOff;
        }
    }

    private Invariants invariants() throws SQLException {
        try (Connection db = platform.jdbc(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT (SELECT coalesce(sum(amount), 0) FROM journal_line) AS journal_sum,
                            (SELECT count(*) FROM ledger_account a WHERE a.balance IS NOT NULL AND a.balance <>
                                (SELECT coalesce(sum(l.amount), 0) FROM journal_line l
                                  WHERE l.account_id = a.account_id)) AS balances_off""")) {
            rs.next();
            return new Invariants(rs.getBigDecimal("journal_sum"), rs.getLong("balances_off"));
        }
    }
}
