package io.openbss.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./bss bench [bills|ledger|resources|payments|gateway|startup|upstream|all] [--gateway-concurrency 32 --seconds 20 --runs 3 --aot train|quarkus] [--upstream-requests 3000 --upstream-concurrency 4] [--customers N] [--payers 50] [--orders 6000] [--lines N] [--months N] [--requests N]
 * [--bill-concurrency 2,8] [--ledger-concurrency 32] [--shared-buffers 5GB]}:
 * starts the platform in bench/target/bench-home (kept, so that data is generated once), generates the data if it is
 * not there yet, runs the benchmarks and prints their figures. Exit status 1 when a target is not met.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
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
        System.out.printf("bench: %d cores, %d MiB heap for the client; %s%n", Runtime.getRuntime()
                .availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        boolean met = true;
        try (BenchPlatform platform = BenchPlatform.start(root, root.resolve("bench/target/bench-home"))) {
            if (what.equals("resources") || what.equals("all")) {
                new ResourceDataGenerator(platform, customers).generate();
                met &= new ResourceQueryBench(platform, customers).run(requests / 2,
                        Arrays.stream(options.getOrDefault("resource-concurrency", "2,8").split(","))
                                .map(String::strip).map(Integer::valueOf).toList());
            }
            if (what.equals("startup") || what.equals("all")) {
                new StartupBench(platform).run(Integer.parseInt(options.getOrDefault("runs", "3")),
                        options.getOrDefault("aot", "train").equals("quarkus"));
            }
            if (what.equals("gateway") || what.equals("all")) {
                met &= new GatewayProxyBench(platform, root.resolve("bench/target")).run(
                        Integer.parseInt(options.getOrDefault("gateway-concurrency", "32")),
                        Integer.parseInt(options.getOrDefault("seconds", "20")));
            }
            if (what.equals("upstream")) {
                met &= new UpstreamHopBench(platform).run(Integer.parseInt(options.getOrDefault("upstream-requests",
                        "3000")), Integer.parseInt(options.getOrDefault("upstream-concurrency", "4")));
            }
            if (what.equals("payments") || what.equals("all")) {
                met &= new PaymentBench(platform, Integer.parseInt(options.getOrDefault("payers", "50")))
                        .run(Integer.parseInt(options.getOrDefault("orders", "6000")),
                                Integer.parseInt(options.getOrDefault("payment-concurrency", "32")));
            }
            BillDataGenerator data = new BillDataGenerator(platform, customers, months, lines);
            if (what.equals("bills") || what.equals("ledger") || what.equals("all")) {
                data.generate();
            }
            if (what.equals("bills") || what.equals("all")) {
                met &= new BillQueryBench(platform, customers, data.cycles()).run(requests / 2,
                        Arrays.stream(options.getOrDefault("bill-concurrency", "2,8").split(","))
                                .map(String::strip).map(Integer::valueOf).toList());
            }
            if (what.equals("ledger") || what.equals("all")) {
                met &= new LedgerBench(platform, customers)
                        .run(requests, Integer.parseInt(options.getOrDefault("ledger-concurrency", "32")));
            }
        }
        System.exit(met ? 0 : 1);
    }
}
