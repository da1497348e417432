package io.openbss.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import io.openbss.launcher.Database;
import io.openbss.launcher.DemoCredentials;
import io.openbss.launcher.LocalSettings;
import io.openbss.launcher.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A second OpenBSS in local mode with its own demo data, playing the upstream BSS (docs/upstream-mode.md), and an
 * enterprise master of the {@link TestPlatform} linked to the stand-in's demo master through the admin API. Started
 * once, by the first test class that extends with it (after {@link TestPlatform}), and stopped after the last test:
 * the other end-to-end tests never start it.
 */
public final class StandInUpstream implements BeforeAllCallback {

    /** Where the admin API keeps upstream links. */
    static final String LINKS = "/admin/v1/domains/";
    static final String ALL_LINKS = "/admin/v1/upstream-links";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    private static StandIn running;

    /** The stand-in platform, and the test platform's account linked to it. */
    private record StandIn(TestPlatform.Running upstream, TestPlatform.Customer linked) implements AutoCloseable {

        @Override
        public void close() {
            upstream.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(StandIn.class, key -> start(), StandIn.class);
    }

    /** Its own home, ports and embedded PostgreSQL, whatever database the test platform uses; no console. */
    private static StandIn start() {
        TestPlatform.Running upstream = TestPlatform.startWithDemoData("bss-upstream-", Optional.empty(), false);
        return new StandIn(upstream, link(upstream.settings(), upstream.demo()));
    }

    /**
     * A new enterprise master of the test platform (known to its billing, without money: the upstream holds it)
     * with an AK/SK, linked to the stand-in's demo master with the stand-in's demo credentials.
     */
    private static TestPlatform.Customer link(LocalSettings standIn, DemoCredentials demo) {
        AdminClient admin = TestPlatform.admin();
        String name = "up" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String id = admin.expect("POST", "/admin/v1/domains", Map.of("name", name, "kind", "enterprise_master"))
                .path("domain_id").asText();
        admin.expect("PUT", "/admin/v1/services/billing/v1/customers/" + id, Map.of("customer_name", name));
        JsonNode key = admin.expect("POST", "/admin/v1/domains/" + id + "/access-keys", Map.of());
        admin.expect("PUT", LINKS + id + "/upstream-link", Map.of("endpoint", standIn.endpoint(),
                "access_key", demo.get("BSS_AK"), "secret_key", demo.get("BSS_SK"),
                "upstream_domain_id", demo.get("BSS_DOMAIN_ID")));
        return new TestPlatform.Customer(id, key.path("access_key").asText(), key.path("secret_key").asText());
    }

    /** The test platform's account linked to the stand-in's demo master, with its own AK/SK. */
    static TestPlatform.Customer linked() {
        return running.linked();
    }

    static LocalSettings settings() {
        return running.upstream().settings();
    }

    /** The stand-in's demo credentials: the upstream credentials of the link are {@code BSS_AK}, {@code BSS_SK}. */
    static DemoCredentials demo() {
        return running.upstream().demo();
    }

    static String endpoint() {
        return running.upstream().settings().endpoint();
    }

    /** The SDK with the upstream credentials, straight to the stand-in: what OpenBSS's answers are compared with. */
    static WireSdkClient direct() {
        return WireSdkClient.signing(demo().get("BSS_AK"), demo().get("BSS_SK"), demo().get("BSS_DOMAIN_ID"),
                endpoint());
    }

    /** Signed requests with the upstream credentials, straight to the stand-in. */
    static SignedHttpClient signed() {
        return signed("BSS_");
    }

    /** Signed requests as a stand-in's demo account ({@code BSS_}, {@code BSS_SUB2_}, ...), straight to it. */
    static SignedHttpClient signed(String prefix) {
        return new SignedHttpClient(URI.create(endpoint()), demo().get(prefix + "AK"), demo().get(prefix + "SK"),
                demo().get(prefix + "DOMAIN_ID"));
    }

    /** The stand-in's operator. */
    static AdminClient admin() {
        return new AdminClient(settings().adminEndpoint(), running.upstream().platform().secrets().adminToken());
    }

    /** A stand-in's service by name, to stop or kill it. */
    static ServiceProcess service(String name) {
        return running.upstream().platform().services().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** Starts a stand-in's service again (with extra JVM options) and waits until it is ready. */
    static void restart(String name, List<String> jvmOptions) {
        running.upstream().platform().restart(name, jvmOptions);
    }

    /** A JDBC connection to the stand-in's database: the upstream's ledger. */
    static Connection database() throws SQLException {
        Database db = running.upstream().platform().database();
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(),
                db.user(), db.password());
    }

    /** The stand-in's gateway's answers to {@code operation} so far, by HTTP status ({@code bss_gateway_requests}). */
    static Map<Integer, Long> answers(String operation) {
        Map<Integer, Long> byStatus = new HashMap<>();
        for (Sample sample : metrics(settings().adminEndpoint())) {
            if (sample.name().equals("bss_gateway_requests_seconds_count")
                    && operation.equals(sample.labels().get("operation"))) {
                byStatus.merge(Integer.valueOf(sample.labels().get("status")), sample.value().longValue(),
                        Long::sum);
            }
        }
        return byStatus;
    }

    /** How many calls of {@code operation} the stand-in's gateway has answered, whatever their status. */
    static long calls(String operation) {
        return answers(operation).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The calls of {@code operation} the stand-in's gateway has answered, once they are at least {@code expected}
     * or after 3 s (a call's timer is recorded as its answer is sent, not before the client has it).
     */
    static long awaitCalls(String operation, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long calls = calls(operation);
        while (calls < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            calls = calls(operation);
        }
        return calls;
    }

    /** One Prometheus sample of a {@code /q/metrics} page. */
    record Sample(String name, Map<String, String> labels, BigDecimal value) {
    }

    /** The samples a service publishes at {@code base}/q/metrics. */
    static List<Sample> metrics(String base) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).build();
        String page;
        try {
            page = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        return page.lines().filter(line -> !line.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::matches)
                .map(m -> {
                    Map<String, String> labels = new HashMap<>();
                    if (m.group(2) != null) {
                        Matcher l = label.matcher(m.group(2));
                        while (l.find()) {
                            labels.put(l.group(1), l.group(2));
                        }
                    }
                    String value = m.group(3);
                    return new Sample(m.group(1), labels, value.equals("NaN") || value.contains("Inf")
                            ? BigDecimal.ZERO : new BigDecimal(value));
                }).toList();
    }
}
