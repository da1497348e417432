package io.openbss.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers with months of pay-per-use bills. Customers are registered and funded through billing-service's internal
 * API; each month's usage is then written in bulk as the rating writes it: per customer one DEDUCT journal entry
 * (cash to revenue, through the ledger's own triggers and constraints) and the bill lines it paid, spread over the
 * days of the month, five services and forty resources per customer.
 */
final class BillDataGenerator {

    static final String[][] SERVICES = {
        {"hws.service.type.ec2", "hws.resource.type.vm", "Duration"},
        {"hws.service.type.ebs", "hws.resource.type.volume", "Duration"},
        {"hws.service.type.obs", "hws.resource.type.obs", "downflow"},
        {"hws.service.type.vpc", "hws.resource.type.bandwidth", "upflow"},
        {"hws.service.type.rds", "hws.resource.type.rds.vm", "Duration"}};

    private final BenchPlatform platform;
    private final int customers;
    private final int months;
    private final long lines;

    BillDataGenerator(BenchPlatform platform, int customers, int months, long lines) {
        this.platform = platform;
        this.customers = customers;
        this.months = months;
        this.lines = lines;
    }

    static String customerId(int i) {
        return String.format("bench%011d", i);
    }

    /** The billing cycles of the data: the {@code months} months before the current one. */
    List<YearMonth> cycles() {
        List<YearMonth> cycles = new ArrayList<>();
        for (int m = months; m >= 1; m--) {
            cycles.add(YearMonth.now().minusMonths(m));
        }
        return cycles;
    }

    void generate() throws SQLException {
        try (Connection db = platform.jdbc()) {
            int perMonth = (int) ((lines + (long) customers * months - 1) / ((long) customers * months));
            long existing = count(db, "SELECT count(*) FROM bill_line WHERE customer_id LIKE 'bench%'");
            if (existing >= (long) perMonth * customers * months) {
                System.out.printf("data: %,d bill lines of %,d customers already there%n", existing, customers);
                return;
            }
            long started = System.nanoTime();
            register();
            db.setAutoCommit(false);
            for (YearMonth cycle : cycles()) {
                long t = System.nanoTime();
                month(db, cycle, perMonth);
                db.commit();
                System.out.printf("data: %s, %,d bill lines in %.0f s%n", cycle, (long) perMonth * customers,
                        (System.nanoTime() - t) / 1e9);
            }
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("VACUUM ANALYZE bill_line");
                s.execute("VACUUM ANALYZE journal_entry");
                s.execute("VACUUM ANALYZE journal_line");
            }
            System.out.printf("data: %,d customers, %,d bill lines in %.0f s%n", customers,
                    count(db, "SELECT count(*) FROM bill_line WHERE customer_id LIKE 'bench%'"),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Registers and funds every customer through the internal API. */
    private void register() {
        String operator = platform.operatorToken();
        Load.Figures registered = Load.run("register customers (PUT /internal/v1/customers)", customers, 16,
                i -> HttpRequest.newBuilder(URI.create(platform.billing() + "/internal/v1/customers/" + customerId(i)))
                        .header("Authorization", operator).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"customer_name\":\"bench customer " + i + "\"}"))
                        .build());
        System.out.println("data: " + registered.line());
        Load.Figures funded = Load.run("fund customers (POST /internal/v1/ledger/recharges)", customers, 16,
                i -> HttpRequest.newBuilder(URI.create(platform.billing() + "/internal/v1/ledger/recharges"))
                        .header("Authorization", operator).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"idempotency_key\":\"bench-fund-" + i
                                + "\",\"customer_id\":\"" + customerId(i) + "\",\"amount\":1000000.00,"
                                + "\"payment_channel_id\":2}"))
                        .build());
        System.out.println("data: " + funded.line());
    }

    private void month(Connection db, YearMonth cycle, int perCustomer) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_line");
            // what each line bills: 0.01 to 10.00, to the cent, so that cash pays it exactly
            s.execute(String.format("""
                    CREATE UNLOGGED TABLE bench_line AS
                    SELECT 'bench' || lpad(c::text, 11, '0') AS customer_id, k,
                           DATE '%1$s' + (k %% %2$d) AS bill_date,
                           ((c * 31 + k * 17) %% 1000 + 1) / 100.0 AS amount
                      FROM generate_series(0, %3$d) c, generate_series(0, %4$d) k""",
                    cycle.atDay(1), cycle.lengthOfMonth(), customers - 1, perCustomer - 1));
            s.execute(String.format("""
                    INSERT INTO journal_entry (idempotency_key, content_hash, trade_type, detail_type, trade_id,
                                               customer_id, created_at, business_time)
                    SELECT 'bench-usage:' || customer_id || ':%1$s', repeat('0', 64), 'DEDUCT', 'DEDUCT_USAGE',
                           'USG-bench-%1$s-' || customer_id, customer_id, TIMESTAMPTZ '%2$s', TIMESTAMPTZ '%2$s'
                      FROM bench_line GROUP BY customer_id
                    ON CONFLICT (idempotency_key) DO NOTHING""", cycle, cycle.atEndOfMonth() + " 23:00:00+08"));
            s.execute(String.format("""
                    INSERT INTO journal_line (entry_id, account_id, amount, created_at)
                    SELECT e.entry_id, x.account_id, x.amount, e.created_at
                      FROM journal_entry e
                      JOIN (SELECT customer_id, sum(amount) AS total FROM bench_line GROUP BY customer_id) t
                        ON t.customer_id = e.customer_id
                      JOIN ledger_account a ON a.customer_id = e.customer_id AND a.account_type = 'CASH'
                                           AND a.instrument_id IS NULL
                     CROSS JOIN LATERAL (VALUES (a.account_id, -t.total), ('SYSTEM-REVENUE', t.total))
                                        x(account_id, amount)
                     WHERE e.idempotency_key = 'bench-usage:' || e.customer_id || ':%s'
                       AND NOT EXISTS (SELECT 1 FROM journal_line l WHERE l.entry_id = e.entry_id)""", cycle));
            s.execute(String.format("""
                    INSERT INTO bill_line (customer_id, payer_customer_id, entry_id, bill_cycle, bill_date, trade_id,
                        trade_time, bill_type, charging_mode, service_type_code, resource_type_code, region_code,
                        resource_id, resource_name, product_id, usage_type_code, usage, usage_measure_id,
                        official_amount, discount_amount, amount, cash_amount, effective_time, expire_time)
                    SELECT b.customer_id, b.customer_id, e.entry_id, '%1$s', b.bill_date, e.trade_id,
                           b.bill_date + TIME '23:00' AT TIME ZONE 'Asia/Shanghai', 5, 3,
                           (ARRAY['%2$s'])[b.k %% 5 + 1], (ARRAY['%3$s'])[b.k %% 5 + 1], 'cn-north-4',
                           'res-' || b.customer_id || '-' || (b.k %% 40), 'resource ' || (b.k %% 40), NULL,
                           (ARRAY['%4$s'])[b.k %% 5 + 1], 24, 4, b.amount, 0, b.amount, b.amount,
                           b.bill_date AT TIME ZONE 'Asia/Shanghai',
                           (b.bill_date + 1) AT TIME ZONE 'Asia/Shanghai'
                      FROM bench_line b
                      JOIN journal_entry e ON e.idempotency_key = 'bench-usage:' || b.customer_id || ':%1$s'
                     WHERE NOT EXISTS (SELECT 1 FROM bill_line x WHERE x.entry_id = e.entry_id)""",
                    cycle, column(0), column(1), column(2)));
            s.execute("DROP TABLE bench_line");
        }
    }

    private static String column(int index) {
        List<String> values = new ArrayList<>();
        for (String[] service : SERVICES) {
            values.add(service[index]);
        }
        return String.join("','", values);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
