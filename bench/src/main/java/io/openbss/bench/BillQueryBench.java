package io.openbss.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Paged bill queries and monthly sums of random customers and months, against billing-service over HTTP with the
 * internal token the gateway would send; the baseline in the same run is the balance query (one indexed row) through
 * the same stack.
 */
final class BillQueryBench {

    static final double TARGET_P99_MS = 50;

    private final BenchPlatform platform;
    private final int customers;
    private final List<YearMonth> cycles;
    private final String[] tokens;

    BillQueryBench(BenchPlatform platform, int customers, List<YearMonth> cycles) {
        this.platform = platform;
        this.customers = customers;
        this.cycles = cycles;
        this.tokens = new String[customers];
    }

    /** Runs every query at each level of concurrency; each query's p99 at each level is a target. */
    void run(int requests, List<Integer> concurrencies, Targets targets) {
        for (int i = 0; i < customers; i++) {
            tokens[i] = platform.customerToken(BillDataGenerator.customerId(i));
        }
        prewarm();
        for (String path : List.of("/v2/bills/customer-bills/monthly-sum", "/v2/bills/customer-bills/fee-records",
                "/v2/bills/customer-bills/res-fee-records", "/v2/accounts/customer-accounts/balances")) {
            Load.warmUntilCompiled(platform, "bills: ", Integer.MAX_VALUE, concurrencies.getLast(),
                    get(path, (r, cycle) -> "bill_cycle=" + cycle + "&cycle=" + cycle));
        }
        for (int concurrency : concurrencies) {
            Load.Figures baseline = CpuBudget.measure(platform, "bills: ", () -> Load.run(
                    "baseline: balances (GET, one row)", requests, concurrency,
                    get("/v2/accounts/customer-accounts/balances", (r, cycle) -> "")));
            List<Load.Figures> queries = List.of(
                    CpuBudget.measure(platform, "bills: ", () -> Load.run("ShowCustomerMonthlySum (GET monthly-sum)",
                            requests, concurrency,
                            get("/v2/bills/customer-bills/monthly-sum", (r, cycle) -> "bill_cycle=" + cycle))),
                    CpuBudget.measure(platform, "bills: ", () -> Load.run("ListCustomerBillsFeeRecords, 100 a page",
                            requests, concurrency,
                            get("/v2/bills/customer-bills/fee-records", (r, cycle) -> "bill_cycle=" + cycle
                                    + "&limit=100&offset=" + 100 * r.nextInt(2)))),
                    CpuBudget.measure(platform, "bills: ", () -> Load.run(
                            "ListCustomerselfResourceRecords, per month", requests, concurrency,
                            get("/v2/bills/customer-bills/res-fee-records", (r, cycle) -> "cycle=" + cycle
                                    + "&statistic_type=1&limit=100"))));
            for (Load.Figures query : queries) {
                targets.p99Below("bills, " + concurrency + " clients: " + query.name() + " p99", query,
                        TARGET_P99_MS, baseline);
            }
        }
    }

    /**
     * Reads the bill lines and the index the queries use into PostgreSQL's shared buffers (pg_prewarm), as a database
     * that has been serving them would hold them: every bench run starts PostgreSQL afresh, and the queries' random
     * customers and months touch about 167 heap pages each, so without it most pages of the run come from the
     * kernel's page cache or the disk (a cold page of one customer-month: 20 ms against 2 ms warm, EXPLAIN ANALYZE).
     */
    private void prewarm() {
        long started = System.nanoTime();
        try (Connection db = platform.jdbc(); Statement s = db.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm SCHEMA public");
            long pages = 0;
            for (String relation : List.of("billing.bill_line_by_customer_cycle", "billing.bill_line")) {
                try (ResultSet rows = s.executeQuery("SELECT public.pg_prewarm('" + relation + "')")) {
                    rows.next();
                    pages += rows.getLong(1);
                }
            }
            System.out.printf("bills: %,d pages of bill_line and its index read into shared buffers in %.1f s%n",
                    pages, (System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            System.out.println("bills: not prewarmed (" + e.getMessage().strip() + "): the first reads are cold");
        }
    }

    private interface Query {
        String of(SplittableRandom random, YearMonth cycle);
    }

    /** Request {@code i} asks for a customer and a month drawn from a generator seeded with {@code i}. */
    private IntFunction<HttpRequest> get(String path, Query query) {
        return i -> {
            SplittableRandom random = new SplittableRandom(i * 7919L + path.hashCode());
            int customer = random.nextInt(customers);
            String q = query.of(random, cycles.get(random.nextInt(cycles.size())));
            return HttpRequest.newBuilder(URI.create(platform.billing() + path + (q.isEmpty() ? "" : "?" + q)))
                    .header("Authorization", tokens[customer]).GET().build();
        };
    }
}
