package io.openbss.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import io.openbss.launcher.ServiceJvm;
import io.openbss.testing.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same backend reached several ways at the same concurrency, in one run: directly, through nginx as a plain
 * reverse proxy (keep-alive upstream), through a reverse proxy on the gateway's stack that does nothing else
 * ({@link PlainVertxProxy}, in a JVM with the gateway's options), and through a gateway with the full public
 * pipeline (the caller authenticated, both quotas of every request counted, the caller rule, the IAM policy check,
 * the audit hook and an internal token per request), in three variants: AK/SK (every request's signature computed
 * and compared), an X-Auth-Token (from a password login), and AK/SK with the quotas counted in Redis. The backend is
 * an nginx server answering a fixed balances body, so that what is measured is the proxies; the load is wrk
 * (keep-alive connections, two threads).
 * All are Debian packages ({@code apt-get install nginx-light wrk redis-server}).
 */
final class GatewayProxyBench {

    static final double TARGET_THROUGHPUT_RATIO = 0.8;
    static final double TARGET_ADDED_P99_MS = 2.0;
    static final String PATH = "/v2/accounts/customer-accounts/balances";
    static final String PASSWORD = "Bench-gateway1";
    static final List<String> RATE_LIMITS = List.of("-Dbss.gateway.rate-limits.enabled=true",
            "-Dbss.gateway.rate-limits.operations.ShowCustomerAccountBalances=1000000");

    private final BenchPlatform platform;
    private final Path home;

    /** async-profiler's library, or null: {@link #profile}. */
    private final Path profiler;

    GatewayProxyBench(BenchPlatform platform, Path home, Path profiler) {
        this.platform = platform;
        this.home = home;
        this.profiler = profiler;
    }

    /**
     * One way to the backend: its URL, the headers wrk replays on every request, and the process of the JVM it
     * passes through (a gateway's or the Vert.x proxy's, which {@code --profiler} profiles; 0 for the others).
     */
    record Route(String name, String url, Map<String, String> headers, long jvm) {

        Route(String name, String url) {
            this(name, url, Map.of(), 0);
        }
    }

    /**
     * Warms a row up with wrk in windows of {@link Load#WINDOW_SECONDS}: one window for a row without a JVM; for a
     * JVM's row, as the other benches warm up ({@link Load#untilSettled}), until that JVM's JIT has settled. A single
     * 5 s window left the Redis row's gateway compiling for 38 % of its CPU in the measured run.
     */
    private static void warm(Route route, int connections) throws Exception {
        if (route.jvm() == 0) {
            wrk(route, connections, Load.WINDOW_SECONDS);
            return;
        }
        Load.Settled settled = Load.untilSettled(() -> CpuBudget.ServiceTicks.of(route.jvm()), () -> {
            wrk(route, connections, Load.WINDOW_SECONDS);
            return true;
        });
        System.out.printf("gateway: warm-up of %s: %s%n", route.name(), settled.describe("its JVM's"));
    }

    /**
     * CPU ticks so far of what a row runs on, from /proc: nginx (master and workers: the backend, and the proxy in
     * its row), the row's JVM (a gateway or the Vert.x proxy; none for the direct and nginx rows), Redis, wrk (this
     * process's children that it has waited for), and the machine's busy and idle ticks.
     */
    record RowCpu(long nginx, long jvm, long redis, long wrk, long[] machine) {

        static RowCpu of(long nginx, long jvm, long redis) {
            return new RowCpu(CpuBudget.treeTicks(nginx), jvm == 0 ? 0 : CpuBudget.ticks(jvm), CpuBudget.ticks(redis),
                    CpuBudget.reapedTicks(ProcessHandle.current().pid()), CpuBudget.machine());
        }

        /** CPU µs per request since {@code before}, by part, the rest of the machine's busy time, and how busy. */
        String since(RowCpu before, double requests) {
            long busy = machine[0] - before.machine[0];
            long idle = machine[1] - before.machine[1];
            long nginxUsed = nginx - before.nginx;
            long jvmUsed = jvm - before.jvm;
            long redisUsed = redis - before.redis;
            long wrkUsed = wrk - before.wrk;
            long other = Math.max(0, busy - nginxUsed - jvmUsed - redisUsed - wrkUsed);
            return String.format("CPU µs per request: wrk %.1f, nginx %.1f, the row's JVM %.1f, Redis %.1f, "
                    + "other %.1f; all %.1f, machine %.0f%% busy", us(wrkUsed, requests), us(nginxUsed, requests),
                    us(jvmUsed, requests), us(redisUsed, requests), us(other, requests), us(busy, requests),
                    busy + idle == 0 ? 0 : 100.0 * busy / (busy + idle));
        }

        private static double us(long ticks, double requests) {
            return requests == 0 ? 0 : 1000 * CpuBudget.ms(ticks, requests);
        }
    }

    /** One wrk run's figures. */
    record Row(String name, double requestsPerSecond, double p50Ms, double p99Ms, long errors) {

        String line() {
            return String.format("  %-34s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms   non-2xx %d", name,
                    requestsPerSecond, p50Ms, p99Ms, errors);
        }
    }

    void run(int connections, int seconds, Targets targets) throws Exception {
        requireTool("nginx", "/usr/sbin/nginx");
        requireTool("wrk", "/usr/bin/wrk");
        requireTool("redis-server", "/usr/bin/redis-server");
        int backendPort = FreePorts.take();
        int proxyPort = FreePorts.take();
        int redisPort = FreePorts.take();
        int plainPort = FreePorts.take();
        List<Process> started = new ArrayList<>();
        try {
            Process nginx = startNginx(backendPort, proxyPort);
            started.add(nginx);
            Process redis = startRedis(redisPort);
            started.add(redis);
            String backend = "http://127.0.0.1:" + backendPort;
            BenchPlatform.Gateway memory = platform.startGateway("gateway-bench", backend, RATE_LIMITS);
            List<String> inRedis = new ArrayList<>(RATE_LIMITS);
            // closed: a request that Redis did not count is refused, so it cannot pass as a measured one
            inRedis.addAll(List.of("-Dbss.gateway.rate-limits.store=redis", "-Dquarkus.redis.hosts=redis://127.0.0.1:"
                    + redisPort, "-Dbss.gateway.rate-limits.redis-failure=closed"));
            BenchPlatform.Gateway redisGateway = platform.startGateway("gateway-bench-redis", backend, inRedis);
            Process plain = startPlainVertxProxy(plainPort, backendPort, memory.pid());
            started.add(plain);
            Account account = account();
            List<Route> routes = List.of(
                    new Route("direct (backend)", backend + PATH),
                    new Route("nginx reverse proxy", "http://127.0.0.1:" + proxyPort + PATH),
                    new Route("Vert.x reverse proxy (no pipeline)", "http://127.0.0.1:" + plainPort + PATH, Map.of(),
                            plain.pid()),
                    probed(new Route("gateway, AK/SK", memory.url() + PATH, signed(memory.url(), account),
                            memory.pid())),
                    probed(new Route("gateway, X-Auth-Token", memory.url() + PATH, Map.of("X-Auth-Token",
                            token(memory.url(), account)), memory.pid())),
                    probed(new Route("gateway, AK/SK, quotas in Redis", redisGateway.url() + PATH,
                            signed(redisGateway.url(), account), redisGateway.pid())));
            for (Route route : routes) {
                warm(route, connections);
            }
            List<Row> rows = new ArrayList<>();
            List<String> cpu = new ArrayList<>();
            for (Route route : routes) {
                boolean profiled = profiler != null && route.jvm() != 0;
                if (profiled) {
                    profile(route.jvm(), "start,event=cpu,interval=1ms,threads");
                }
                RowCpu before = RowCpu.of(nginx.pid(), route.jvm(), redis.pid());
                Row row = parse(route.name(), wrk(route, connections, seconds));
                rows.add(row);
                cpu.add(RowCpu.of(nginx.pid(), route.jvm(), redis.pid())
                        .since(before, row.requestsPerSecond() * seconds));
                if (profiled) {
                    Path stacks = Files.createDirectories(home.resolve("profiles")).resolve(route.name()
                            .replaceAll("[^A-Za-z0-9]+", "-") + ".collapsed");
                    profile(route.jvm(), "stop,file=" + stacks + ",collapsed");
                    System.out.println("async-profiler: " + stacks + " (./bss bench profile " + stacks + ")");
                }
            }
            System.out.printf("gateway: GET %s, %d connections, %d s each after its warm-up, wrk -t2 "
                    + "(%d cores shared by wrk, nginx, the gateways and the platform)%n", PATH, connections, seconds,
                    Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < rows.size(); i++) {
                System.out.println(rows.get(i).line());
                System.out.println("    " + cpu.get(i));
            }
            Row direct = rows.get(0);
            Row proxy = rows.get(1);
            Row stack = rows.get(2);
            System.out.printf("  p99 added by nginx %.2f ms, by the Vert.x proxy %.2f ms%n", proxy.p99Ms()
                    - direct.p99Ms(), stack.p99Ms() - direct.p99Ms());
            targets.report("Vert.x reverse proxy (the gateway's stack alone): throughput / nginx's",
                    String.format("%.2f", stack.requestsPerSecond() / proxy.requestsPerSecond())
                            + (stack.errors() == 0 ? "" : ", " + stack.errors() + " non-2xx"), String.format(
                            "nginx %,.0f/s, Vert.x %,.0f/s, p99 added %.2f ms", proxy.requestsPerSecond(),
                            stack.requestsPerSecond(), stack.p99Ms() - direct.p99Ms()));
            for (Row gateway : rows.subList(3, rows.size())) {
                long errors = gateway.errors() + direct.errors() + proxy.errors();
                targets.atLeast(gateway.name() + ": throughput / nginx's",
                        gateway.requestsPerSecond() / proxy.requestsPerSecond(), TARGET_THROUGHPUT_RATIO,
                        Targets.Unit.RATIO, String.format("nginx %,.0f/s, gateway %,.0f/s", proxy.requestsPerSecond(),
                                gateway.requestsPerSecond()), errors);
                targets.atMost(gateway.name() + ": p99 added to the direct call",
                        gateway.p99Ms() - direct.p99Ms(), TARGET_ADDED_P99_MS, Targets.Unit.MS, String.format(
                                "direct p99 %.2f ms, nginx adds %.2f ms", direct.p99Ms(), proxy.p99Ms()
                                        - direct.p99Ms()), errors);
            }
        } finally {
            for (Process process : started) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Starts or stops async-profiler ({@code --profiler <its libasyncProfiler.so>}) in a gateway's JVM, through the
     * JDK's attach API: CPU samples of every thread, kernel frames included, during each gateway row's measured run.
     */
    private void profile(long pid, String command) throws IOException {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                vm.loadAgentPath(profiler.toString(), command);
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | AgentLoadException | AgentInitializationException e) {
            throw new IOException("async-profiler (" + command + ") in process " + pid + ": " + e, e);
        }
    }

    /** The bench's account: its keys, and its own user, who logs in with {@link #PASSWORD}. */
    record Account(String domainId, String accessKey, String secretKey, String domainName, String userName) {
    }

    private Account account() {
        AdminClient admin = platform.admin();
        String name = "bench-gw-" + UUID.randomUUID().toString().substring(0, 8);
        String domainId = admin.expect("POST", "/admin/v1/domains", Map.of("name", name, "kind", "individual"))
                .path("domain_id").asText();
        JsonNode key = admin.expect("POST", "/admin/v1/domains/" + domainId + "/access-keys", Map.of());
        JsonNode root = null;
        for (JsonNode user : admin.expect("GET", "/admin/v1/domains/" + domainId + "/users", null).path("users")) {
            root = user.path("root").asBoolean() ? user : root;
        }
        admin.expect("PUT", "/admin/v1/users/" + root.path("user_id").asText() + "/password",
                Map.of("password", PASSWORD));
        return new Account(domainId, key.path("access_key").asText(), key.path("secret_key").asText(), name,
                root.path("name").asText());
    }

    /** A signed request's headers: a signature stays valid for 15 minutes and is verified in full each time. */
    private static Map<String, String> signed(String gateway, Account account) {
        HttpRequest request = new SignedHttpClient(URI.create(gateway), account.accessKey(), account.secretKey(),
                account.domainId())
                .request("GET", PATH, null, Map.of(), null, Instant.now());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().map().forEach((header, values) -> headers.put(header, values.getFirst()));
        return headers;
    }

    /** An X-Auth-Token from the public Keystone API, as a user logs in with a password. */
    private static String token(String gateway, Account account) throws IOException, InterruptedException {
        String login = """
                {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","password":"%s",\
                "domain":{"name":"%s"}}}},"scope":{"domain":{"name":"%3$s"}}}}""".formatted(account.userName(),
                PASSWORD, account.domainName());
        HttpResponse<String> issued = Load.HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("no token for the bench account: " + issued.statusCode() + " "
                    + issued.body());
        }
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** The route, once it answers 200 with the gateway's rate-limit fields (its quotas are counted). */
    private static Route probed(Route route) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(route.url()));
        route.headers().forEach(request::header);
        HttpResponse<String> answer = Load.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(route.name() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        if (answer.headers().firstValue("X-Apig-RateLimit-api").isEmpty()) {
            throw new IllegalStateException(route.name() + ": the gateway does not count its rate limits");
        }
        return route;
    }

    /**
     * {@link PlainVertxProxy} in a JVM of its own, started with the bench gateway's java and JVM options except the
     * AOT cache (which holds the gateway's classes): the gateway's stack alone, measured as one more proxy.
     */
    private Process startPlainVertxProxy(int port, int backendPort, long gatewayPid)
            throws IOException, InterruptedException {
        ProcessHandle.Info gateway = ProcessHandle.of(gatewayPid).orElseThrow().info();
        List<String> options = Arrays.stream(gateway.arguments().orElseThrow())
                .filter(option -> option.startsWith("-X") && !option.contains("AOT")).toList();
        List<String> command = new ArrayList<>(List.of(gateway.command().orElseThrow()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainVertxProxy.class.getName(),
                String.valueOf(port), String.valueOf(backendPort)));
        Path log = Files.createDirectories(home.resolve("logs")).resolve("plain-vertx-proxy.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(ServiceJvm.ENVIRONMENT);
        Process proxy = builder.start();
        awaitListening(proxy, port, log);
        System.out.println("Vert.x reverse proxy, JVM options: " + String.join(" ", options));
        return proxy;
    }

    private Process startRedis(int port) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(home.resolve("redis"));
        Process redis = new ProcessBuilder("/usr/bin/redis-server", "--port", String.valueOf(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        awaitListening(redis, port, dir);
        return redis;
    }

    private static void awaitListening(Process process, int port, Path logs) throws InterruptedException {
        for (int i = 0; i < 50 && !BenchPlatform.listening(port); i++) {
            Thread.sleep(100);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(process.info().command().orElse("?") + " did not start: see " + logs);
        }
    }

    private Process startNginx(int backendPort, int proxyPort) throws IOException, InterruptedException {
        Path prefix = Files.createDirectories(home.resolve("nginx"));
        Files.createDirectories(prefix.resolve("logs"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            default_type "application/json;charset=UTF-8";
                            return 200 '{"account_balances":[{"account_id":"a","account_type":1,"amount":100.00,"currency":"CNY","designated_amount":0,"credit_amount":0,"measure_id":1}],"debt_amount":0,"measure_id":1,"currency":"CNY"}';
                        }
                    }
                    upstream backend { server 127.0.0.1:%2$d; keepalive 128; }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://backend;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                    }
                }
                """.formatted(prefix, backendPort, proxyPort));
        Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        awaitListening(nginx, proxyPort, prefix.resolve("logs"));
        return nginx;
    }

    private static String wrk(Route route, int connections, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/wrk", "-t2", "-c" + connections, "-d" + seconds
                + "s", "--latency"));
        route.headers().forEach((name, value) -> {
            command.add("-H");
            command.add(name + ": " + value);
        });
        command.add(route.url());
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return output;
    }

    static Row parse(String name, String wrkOutput) {
        return new Row(name, number(wrkOutput, "Requests/sec:\\s+([0-9.]+)"),
                millis(wrkOutput, "50%"), millis(wrkOutput, "99%"),
                (long) number(wrkOutput, "Non-2xx or 3xx responses:\\s+([0-9]+)", 0));
    }

    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output: " + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double number(String output, String regex, double absent) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : absent;
    }

    private static void requireTool(String name, String path) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(name + " is not installed: apt-get install nginx-light wrk redis-server");
        }
    }
}
