package io.openbss.bench;

import java.net.URI;
import java.net.http.HttpRequest;
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
        for (String path : List.of("/v2/bills/customer-bills/monthly-sum", "/v2/bills/customer-bills/fee-records",
                "/v2/bills/customer-bills/res-fee-records", "/v2/accounts/customer-accounts/balances")) {
            Load.warm(15, concurrencies.getLast(), get(path, (r, cycle) -> "bill_cycle=" + cycle + "&cycle=" + cycle));
        }
        for (int concurrency : concurrencies) {
            Load.Figures baseline = Load.run("baseline: balances (GET, one row)", requests, concurrency,
                    get("/v2/accounts/customer-accounts/balances", (r, cycle) -> ""));
            List<Load.Figures> queries = List.of(
                    Load.run("ShowCustomerMonthlySum (GET monthly-sum)", requests, concurrency,
                            get("/v2/bills/customer-bills/monthly-sum", (r, cycle) -> "bill_cycle=" + cycle)),
                    Load.run("ListCustomerBillsFeeRecords, 100 a page", requests, concurrency,
                            get("/v2/bills/customer-bills/fee-records", (r, cycle) -> "bill_cycle=" + cycle
                                    + "&limit=100&offset=" + 100 * r.nextInt(2))),
                    Load.run("ListCustomerselfResourceRecords, per month", requests, concurrency,
                            get("/v2/bills/customer-bills/res-fee-records", (r, cycle) -> "cycle=" + cycle
                                    + "&statistic_type=1&limit=100")));
            System.out.println("bills: " + baseline.line());
            for (Load.Figures query : queries) {
                System.out.println("bills: " + query.line());
                targets.p99Below("bills, " + concurrency + " clients: " + query.name() + " p99", query,
                        TARGET_P99_MS, baseline);
            }
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
