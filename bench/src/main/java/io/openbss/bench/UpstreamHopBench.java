package io.openbss.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import io.openbss.launcher.LocalSettings;
import io.openbss.launcher.Platform;
import io.openbss.testing.FreePorts;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What upstream mode adds to a read: ShowCustomerAccountBalances signed with AK/SK, sent straight to a stand-in
 * upstream (a second platform, as {@code ./bss up --upstream} starts one) and through the bench platform for an
 * account linked to the same upstream account, in the same run at the same concurrency. Through OpenBSS the call is
 * authenticated and authorised by the gateway, forwarded to billing-service, which calls the gateway's egress, which
 * signs it with the linked credential, counts the upstream quota and sends it to the stand-in: the figures include
 * both platforms, which share the machine's cores.
 */
final class UpstreamHopBench {

    static final String PATH = "/v2/accounts/customer-accounts/balances";
    static final BigDecimal UPSTREAM_CASH = new BigDecimal("1000.00");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchPlatform platform;

    UpstreamHopBench(BenchPlatform platform) {
        this.platform = platform;
    }

    void run(int requests, int concurrency, Targets targets) throws Exception {
        Path root = platform.root();
        LocalSettings settings = new LocalSettings(root, root.resolve("bench/target/bench-upstream-home"),
                FreePorts.take(), FreePorts.take(), FreePorts.take(),
                FreePorts.take(), FreePorts.take(), 0, FreePorts.take(), Optional.empty(),
                false, ProcessHandle.current().info().command().orElse("java"));
        try (Platform standIn = new Platform(settings)) {
            standIn.start();
            AdminClient upstreamAdmin = new AdminClient(settings.adminEndpoint(), standIn.secrets().adminToken());
            String[] upstream = account(upstreamAdmin, UPSTREAM_CASH);
            String[] local = account(platform.admin(), BigDecimal.ZERO);
            platform.admin().expect("PUT", "/admin/v1/domains/" + local[0] + "/upstream-link", Map.of(
                    "endpoint", settings.endpoint(), "access_key", upstream[1], "secret_key", upstream[2],
                    "upstream_domain_id", upstream[0]));
            // the upstream quota that the egress keeps is raised above the load, as the platform's own quotas are off
            platform.platform().restart("gateway", List.of(
                    "-Dbss.gateway.upstream.limits.ShowCustomerAccountBalances=1000000"));

            SignedHttpClient direct = new SignedHttpClient(URI.create(settings.endpoint()), upstream[1], upstream[2],
                    upstream[0]);
            SignedHttpClient through = new SignedHttpClient(URI.create(platform.gateway()), local[1], local[2],
                    local[0]);
            String directAnswer = probe(direct);
            String throughAnswer = probe(through);
            if (!JSON.readTree(directAnswer).equals(JSON.readTree(throughAnswer))
                    || cash(throughAnswer).compareTo(UPSTREAM_CASH) != 0) {
                throw new IllegalStateException("the linked account is not served by the upstream: through OpenBSS "
                        + throughAnswer + ", directly " + directAnswer);
            }
            Load.warm(5, concurrency, i -> sign(direct));
            Load.warm(5, concurrency, i -> sign(through));
            Load.Figures straight = Load.run("directly to the stand-in upstream", requests, concurrency,
                    i -> sign(direct));
            Load.Figures hop = Load.run("through OpenBSS in upstream mode", requests, concurrency,
                    i -> sign(through));
            System.out.printf("upstream: GET %s signed with AK/SK (each request signed by the client before it is "
                    + "timed), %d requests from %d clients after 5 s of warm-up each; two platforms and the client "
                    + "on %d cores%n", PATH, requests, concurrency, Runtime.getRuntime().availableProcessors());
            System.out.println("  " + straight.line());
            System.out.println("  " + hop.line());
            System.out.printf("  upstream mode adds p50 %.2f ms, p99 %.2f ms%n", hop.p50() - straight.p50(),
                    hop.p99() - straight.p99());
            targets.report("upstream: p99 added by upstream mode", String.format("%.2f ms (p50 %.2f ms)",
                    hop.p99() - straight.p99(), hop.p50() - straight.p50()), Targets.brief(straight));
            targets.check("upstream: every answer 2xx", (straight.failures() + hop.failures()) + " errors",
                    straight.failures() == 0 && hop.failures() == 0);
            platform.platform().restart("gateway", List.of());
        }
    }

    /** A new individual account with keys, registered with billing and given {@code cash}: id, AK, SK. */
    private static String[] account(AdminClient admin, BigDecimal cash) {
        String name = "bench-up-" + UUID.randomUUID().toString().substring(0, 8);
        String id = admin.expect("POST", "/admin/v1/domains", Map.of("name", name, "kind", "individual"))
                .path("domain_id").asText();
        admin.expect("PUT", "/admin/v1/services/billing/v1/customers/" + id, Map.of("customer_name", name));
        if (cash.signum() > 0) {
            admin.expect("POST", "/admin/v1/services/billing/v1/ledger/recharges", Map.of("idempotency_key",
                    "bench-" + id, "customer_id", id, "amount", cash, "payment_channel_id", 2));
        }
        JsonNode key = admin.expect("POST", "/admin/v1/domains/" + id + "/access-keys", Map.of());
        return new String[] {id, key.path("access_key").asText(), key.path("secret_key").asText()};
    }

    private static HttpRequest sign(SignedHttpClient client) {
        return client.request("GET", PATH, null, Map.of(), null, Instant.now());
    }

    private static String probe(SignedHttpClient client) throws IOException, InterruptedException {
        HttpResponse<String> answer = Load.HTTP.send(sign(client), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + PATH + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    private static BigDecimal cash(String balances) throws IOException {
        for (JsonNode balance : JSON.readTree(balances).path("account_balances")) {
            if (balance.path("account_type").asInt() == 1) {
                return new BigDecimal(balance.path("amount").asText());
            }
        }
        return BigDecimal.ZERO;
    }
}
