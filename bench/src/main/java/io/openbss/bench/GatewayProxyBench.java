package io.openbss.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same backend reached three ways at the same concurrency, in one run: directly, through nginx as a plain
 * reverse proxy (keep-alive upstream), and through a gateway with full AK/SK verification (every request's
 * signature computed and compared), the caller rule, the IAM policy check, the audit hook and an internal token
 * per request, and rate limiting (both quotas of every request counted in memory, the operation's quota raised above
 * the load). The backend is an nginx server answering a fixed balances body, so that what is measured is the proxies; the load is wrk (keep-alive connections, two threads). Both are Debian packages
 * ({@code apt-get install nginx-light wrk}).
 */
final class GatewayProxyBench {

    static final double TARGET_THROUGHPUT_RATIO = 0.8;
    static final double TARGET_ADDED_P99_MS = 2.0;
    static final String PATH = "/v2/accounts/customer-accounts/balances";

    private final BenchPlatform platform;
    private final Path home;

    GatewayProxyBench(BenchPlatform platform, Path home) {
        this.platform = platform;
        this.home = home;
    }

    /** One wrk run's figures. */
    record Row(String name, double requestsPerSecond, double p50Ms, double p99Ms, long errors) {

        String line() {
            return String.format("  %-34s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms   non-2xx %d", name,
                    requestsPerSecond, p50Ms, p99Ms, errors);
        }
    }

    boolean run(int connections, int seconds) throws Exception {
        requireTool("nginx", "/usr/sbin/nginx");
        requireTool("wrk", "/usr/bin/wrk");
        int backendPort = BenchPlatform.freePort();
        int proxyPort = BenchPlatform.freePort();
        Process nginx = startNginx(backendPort, proxyPort);
        try {
            String backend = "http://127.0.0.1:" + backendPort;
            String gateway = platform.startGateway(backend, List.of("-Dbss.gateway.rate-limits.enabled=true",
                    "-Dbss.gateway.rate-limits.operations.ShowCustomerAccountBalances=1000000"));
            Map<String, String> signed = signedHeaders(gateway);
            List<Row> rows = new ArrayList<>();
            String[] names = {"direct (backend)", "nginx reverse proxy", "gateway (AK/SK, rate limits)"};
            String[] urls = {backend + PATH, "http://127.0.0.1:" + proxyPort + PATH, gateway + PATH};
            for (int i = 0; i < urls.length; i++) {
                wrk(urls[i], i == 2 ? signed : Map.of(), connections, 5);
            }
            for (int i = 0; i < urls.length; i++) {
                rows.add(parse(names[i], wrk(urls[i], i == 2 ? signed : Map.of(), connections, seconds)));
            }
            Row direct = rows.get(0);
            Row nginxRow = rows.get(1);
            Row gatewayRow = rows.get(2);
            double ratio = gatewayRow.requestsPerSecond() / nginxRow.requestsPerSecond();
            double addedP99 = gatewayRow.p99Ms() - direct.p99Ms();
            System.out.printf("gateway: GET %s, %d connections, %d s each after 5 s of warm-up, wrk -t2 "
                    + "(%d cores shared by wrk, nginx, the gateway and the platform)%n", PATH, connections, seconds,
                    Runtime.getRuntime().availableProcessors());
            rows.forEach(row -> System.out.println(row.line()));
            System.out.printf("  gateway / nginx throughput %.2f (target >= %.2f); p99 added by the gateway %.2f ms, "
                            + "by nginx %.2f ms (target < %.1f ms)%n", ratio, TARGET_THROUGHPUT_RATIO, addedP99,
                    nginxRow.p99Ms() - direct.p99Ms(), TARGET_ADDED_P99_MS);
            boolean clean = rows.stream().allMatch(row -> row.errors() == 0);
            if (!clean) {
                System.out.println("  some answers were not 2xx: the figures do not count");
            }
            return clean && ratio >= TARGET_THROUGHPUT_RATIO && addedP99 < TARGET_ADDED_P99_MS;
        } finally {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Map<String, String> signedHeaders(String gateway) throws Exception {
        AdminClient admin = platform.admin();
        String name = "bench-gw-" + UUID.randomUUID().toString().substring(0, 8);
        String domainId = admin.expect("POST", "/admin/v1/domains", Map.of("name", name, "kind", "individual"))
                .path("domain_id").asText();
        JsonNode key = admin.expect("POST", "/admin/v1/domains/" + domainId + "/access-keys", Map.of());
        SignedHttpClient client = new SignedHttpClient(URI.create(gateway), key.path("access_key").asText(),
                key.path("secret_key").asText(), domainId);
        SignedHttpClient.Response probe = client.send("GET", PATH, null, null);
        if (probe.status() != 200) {
            throw new IllegalStateException("the gateway under test does not answer a signed request");
        }
        if (probe.header("X-Apig-RateLimit-api") == null) {
            throw new IllegalStateException("the gateway under test does not count its rate limits");
        }
        // a signature stays valid for 15 minutes: wrk sends the same signed request, verified in full each time
        HttpRequest request = client.request("GET", PATH, null, Map.of(), null, Instant.now());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().map().forEach((header, values) -> headers.put(header, values.getFirst()));
        return headers;
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
        for (int i = 0; i < 50 && !BenchPlatform.listening(proxyPort); i++) {
            Thread.sleep(100);
        }
        if (!nginx.isAlive()) {
            throw new IllegalStateException("nginx did not start: see " + prefix.resolve("logs"));
        }
        return nginx;
    }

    private static String wrk(String url, Map<String, String> headers, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/wrk", "-t2", "-c" + connections, "-d" + seconds
                + "s", "--latency"));
        headers.forEach((name, value) -> {
            command.add("-H");
            command.add(name + ": " + value);
        });
        command.add(url);
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
            throw new IllegalStateException(name + " is not installed: apt-get install nginx-light wrk");
        }
    }
}
