package io.openbss.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * ListPayPerUseCustomerResources over a million resources: random customers, against orders-service over HTTP with
 * the internal token the gateway would send; the baseline in the same run is ListCustomerOrders (a customer's one
 * order) through the same stack.
 */
final class ResourceQueryBench {

    static final double TARGET_P99_MS = 50;

    private final BenchPlatform platform;
    private final int customers;
    private final String[] tokens;

    ResourceQueryBench(BenchPlatform platform, int customers) {
        this.platform = platform;
        this.customers = customers;
        this.tokens = new String[customers];
    }

    /** Runs every query at each level of concurrency; each query's p99 at each level is a target. */
    void run(int requests, List<Integer> concurrencies, Targets targets) {
        for (int i = 0; i < customers; i++) {
            tokens[i] = platform.customerToken(ResourceDataGenerator.customerId(i), "orders-service");
        }
        Load.warmUntilCompiled(platform, "resources: ", Integer.MAX_VALUE, concurrencies.getLast(),
                query(r -> "{\"limit\":10}"));
        for (int concurrency : concurrencies) {
            Load.Figures baseline = Load.run("baseline: ListCustomerOrders (one order)", requests, concurrency,
                    orders());
            List<Load.Figures> queries = List.of(
                    Load.run("resources, first page of 10", requests, concurrency, query(r -> "{\"limit\":10}")),
                    Load.run("resources, main only, page of 50", requests, concurrency,
                            query(r -> "{\"only_main_resource\":1,\"limit\":50,\"offset\":" + 10 * r.nextInt(3) + "}")),
                    Load.run("resources in use expiring within 30 days", requests, concurrency, query(r ->
                            "{\"status_list\":[2],\"expire_time_end\":\"" + java.time.Instant.now()
                                    .plusSeconds(30 * 86400L).toString().substring(0, 19) + "Z\",\"limit\":100}")),
                    Load.run("resources by id, with subordinates", requests, concurrency, query(r ->
                            "{\"resource_ids\":[\"bench-" + r.nextInt(customers) + "-" + r.nextInt(50) + "\"]}")));
            System.out.println("resources: " + baseline.line());
            for (Load.Figures query : queries) {
                System.out.println("resources: " + query.line());
                targets.p99Below("resources, " + concurrency + " clients: " + query.name() + " p99", query,
                        TARGET_P99_MS, baseline);
            }
        }
    }

    private interface Body {
        String of(SplittableRandom random);
    }

    private IntFunction<HttpRequest> query(Body body) {
        return i -> {
            SplittableRandom random = new SplittableRandom(i * 7919L + 17);
            int customer = random.nextInt(customers);
            return HttpRequest.newBuilder(URI.create(platform.orders() + "/v2/orders/suscriptions/resources/query"))
                    .header("Authorization", tokens[customer]).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.of(random))).build();
        };
    }

    private IntFunction<HttpRequest> orders() {
        return i -> {
            int customer = new SplittableRandom(i * 7919L + 29).nextInt(customers);
            return HttpRequest.newBuilder(URI.create(platform.orders() + "/v2/orders/customer-orders?limit=10"))
                    .header("Authorization", tokens[customer]).GET().build();
        };
    }
}
