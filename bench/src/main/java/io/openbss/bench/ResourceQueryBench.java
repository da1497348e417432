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

    boolean run(int requests, List<Integer> concurrencies) {
        for (int i = 0; i < customers; i++) {
            tokens[i] = platform.customerToken(ResourceDataGenerator.customerId(i), "orders-service");
        }
        Load.warm(15, concurrencies.getLast(), query(r -> "{\"limit\":10}"));
        boolean met = true;
        for (int concurrency : concurrencies) {
            List<Load.Figures> figures = List.of(
                    Load.run("baseline: ListCustomerOrders (one order)", requests, concurrency, orders()),
                    Load.run("resources, first page of 10", requests, concurrency, query(r -> "{\"limit\":10}")),
                    Load.run("resources, main only, page of 50", requests, concurrency,
                            query(r -> "{\"only_main_resource\":1,\"limit\":50,\"offset\":" + 10 * r.nextInt(3) + "}")),
                    Load.run("resources in use expiring within 30 days", requests, concurrency, query(r ->
                            "{\"status_list\":[2],\"expire_time_end\":\"" + java.time.Instant.now()
                                    .plusSeconds(30 * 86400L).toString().substring(0, 19) + "Z\",\"limit\":100}")),
                    Load.run("resources by id, with subordinates", requests, concurrency, query(r ->
                            "{\"resource_ids\":[\"bench-" + r.nextInt(customers) + "-" + r.nextInt(50) + "\"]}")));
            for (Load.Figures f : figures) {
                boolean query = !f.name().startsWith("baseline");
                boolean under = f.p99() < TARGET_P99_MS && f.failures() == 0;
                if (query && concurrency == concurrencies.getFirst()) {
                    met &= under;
                }
                System.out.println("resources: " + f.line() + (query ? (under ? "  (p99 < 50 ms)" : "  (p99 >= 50 ms)")
                        : ""));
            }
        }
        return met;
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
