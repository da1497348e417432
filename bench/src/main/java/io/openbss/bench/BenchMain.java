package io.openbss.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code ./bss bench [bills|ledger|resources|payments|transfers|gateway|footprint|startup|upstream|all] [options]},
 * {@code ./bss bench profile <recording.jfr, stacks.collapsed or pg-*.perf.txt>...} ({@link ProfileSummary})
 * (bench/README.md): starts the platform in bench/target/bench-home (kept, so that data is generated once),
 * generates the data if it is not there yet, runs the benchmarks and prints their figures, then one table of every
 * target with its baseline and whether it was met. Exit status 1 when a target is not met.
 */
public final class BenchMain {

    static final List<String> BENCHES = List.of("bills", "ledger", "resources", "payments", "transfers", "gateway",
            "footprint", "startup", "upstream", "all", "profile");

    /** The benches that load the platform: the services' peak memory is sampled while they run. */
    static final List<String> LOADS = List.of("bills", "ledger", "resources", "payments", "transfers", "gateway");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        if (!BENCHES.contains(what)) {
            System.err.println("bench: unknown benchmark " + what + "; one of " + String.join(", ", BENCHES));
            System.exit(2);
        }
        if (what.equals("profile")) {
            ProfileSummary.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[i + 1]);
            }
        }
        int customers = Integer.parseInt(options.getOrDefault("customers", "10000"));
        long lines = Long.parseLong(options.getOrDefault("lines", "10000000"));
        int months = Integer.parseInt(options.getOrDefault("months", "6"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "20000"));
        Path root = Path.of(System.getProperty("bss.root", ".")).toAbsolutePath();
        // PostgreSQL as a production server would run it: the bill lines and their indexes (4.4 GB) fit in memory
        System.setProperty("bss.pg.shared-buffers", options.getOrDefault("shared-buffers", "5GB"));
        if (options.containsKey("perf")) {
            System.setProperty(PgProfile.PROPERTY, options.get("perf"));
        }
        System.out.printf("bench: %d cores, %d MiB heap for the client; %s%n", Runtime.getRuntime()
                .availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        boolean all = what.equals("all");
        boolean loads = all || LOADS.contains(what);
        Predicate<String> runs = name -> all || what.equals(name);
        Targets targets = new Targets();
        try {
            try (BenchPlatform platform = BenchPlatform.start(root, root.resolve("bench/target/bench-home"));
                 Footprint footprint = new Footprint(platform)) {
                if (runs.test("footprint")) {
                    footprint.ready(targets);
                }
                BillDataGenerator bills = new BillDataGenerator(platform, customers, months, lines);
                if (runs.test("resources")) {
                    new ResourceDataGenerator(platform, customers).generate();
                }
                if (runs.test("bills") || runs.test("ledger")) {
                    bills.generate();
                }
                if (runs.test("resources")) {
                    footprint.bench("resources");
                    new ResourceQueryBench(platform, customers).run(requests / 2,
                            concurrencies(options.getOrDefault("resource-concurrency", "2,8")), targets);
                }
                if (runs.test("gateway")) {
                    footprint.bench("gateway");
                    new GatewayProxyBench(platform, root.resolve("bench/target"), options.containsKey("profiler")
                            ? Path.of(options.get("profiler")).toAbsolutePath() : null).run(
                            Integer.parseInt(options.getOrDefault("gateway-concurrency", "32")),
                            Integer.parseInt(options.getOrDefault("seconds", "20")), targets);
                }
                if (runs.test("payments")) {
                    footprint.bench("payments");
                    new PaymentBench(platform, Integer.parseInt(options.getOrDefault("payers", "50")))
                            .run(Integer.parseInt(options.getOrDefault("orders", "6000")),
                                    Integer.parseInt(options.getOrDefault("payment-concurrency", "32")), targets);
                }
                if (runs.test("transfers")) {
                    footprint.bench("transfers");
                    new TransferBench(platform, Integer.parseInt(options.getOrDefault("masters", "20")),
                            Integer.parseInt(options.getOrDefault("subs", "10"))).run(
                            Integer.parseInt(options.getOrDefault("transfers", "6000")),
                            Integer.parseInt(options.getOrDefault("transfer-concurrency", "32")), targets);
                }
                if (runs.test("bills")) {
                    footprint.bench("bills");
                    new BillQueryBench(platform, customers, bills.cycles()).run(requests / 2,
                            concurrencies(options.getOrDefault("bill-concurrency", "2,8")), targets);
                }
                if (runs.test("ledger")) {
                    footprint.bench("ledger");
                    new LedgerBench(platform, customers)
                            .run(requests, Integer.parseInt(options.getOrDefault("ledger-concurrency", "32")), targets);
                }
                if (what.equals("upstream")) {
                    new UpstreamHopBench(platform).run(Integer.parseInt(options.getOrDefault("upstream-requests",
                            "3000")), Integer.parseInt(options.getOrDefault("upstream-concurrency", "4")), targets);
                }
                if (loads) {
                    footprint.underLoad(targets, what);
                }
                if (runs.test("startup")) {
                    new StartupBench(platform).run(Integer.parseInt(options.getOrDefault("runs", "3")),
                            options.getOrDefault("aot", "train").equals("quarkus"));
                }
            }
            // last, on a machine the bench platform no longer shares
            if (runs.test("footprint")) {
                new UpBench(root).run(targets);
            }
        } finally {
            targets.print();
        }
        System.exit(targets.met() ? 0 : 1);
    }

    private static List<Integer> concurrencies(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
