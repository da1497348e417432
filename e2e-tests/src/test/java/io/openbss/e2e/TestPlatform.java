package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.core.HttpListener;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import io.openbss.launcher.Database;
import io.openbss.launcher.DemoCredentials;
import io.openbss.launcher.DemoData;
import io.openbss.launcher.LocalSettings;
import io.openbss.launcher.Platform;
import io.openbss.launcher.ServiceProcess;
import io.openbss.launcher.Watchdog;
import io.openbss.testing.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform as ./bss up runs it (four service processes, the console, PostgreSQL, the demo data), started
 * once for every end-to-end test class that extends with it and stopped after the last one; and the official SDK's
 * clients for the demo accounts.
 */
public final class TestPlatform implements BeforeAllCallback {

    /** The headers of every response an SDK client of this class received. */
    static final List<Map<String, List<String>>> RESPONSE_HEADERS = new CopyOnWriteArrayList<>();

    private static Running running;

    /** A platform started with the demo data: this one, or the stand-in upstream ({@link StandInUpstream}). */
    record Running(LocalSettings settings, Platform platform, DemoCredentials demo) implements AutoCloseable {

        @Override
        public void close() {
            platform.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Running.class, key -> startWithDemoData("bss-home-",
                        Optional.ofNullable(System.getenv("BSS_TEST_PG_URL")).filter(s -> !s.isBlank()), true),
                        Running.class);
    }

    /**
     * Starts the platform on free ports; a port found free can be taken by another process before a service binds
     * it, so a start that fails is tried again, on other ports, twice. Without {@code console} it runs none (as the
     * stand-in upstream of ./bss up --upstream).
     */
    static Running startWithDemoData(String homePrefix, Optional<String> databaseUrl, boolean console) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(homePrefix, databaseUrl, console);
            } catch (io.openbss.launcher.LauncherException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.err.println(homePrefix + " platform: start failed (" + e.getMessage() + "), trying other ports");
            }
        }
    }

    /** Its own home under e2e-tests/target, free ports, and the embedded PostgreSQL unless {@code databaseUrl}. */
    private static Running startOnce(String homePrefix, Optional<String> databaseUrl, boolean console) {
        try {
            Path root = Path.of(System.getProperty("bss.root")).toAbsolutePath();
            Path home = Files.createTempDirectory(Files.createDirectories(root.resolve("e2e-tests/target")),
                    homePrefix);
            LocalSettings settings = new LocalSettings(root, home, FreePorts.take(), FreePorts.take(),
                    FreePorts.take(), FreePorts.take(), FreePorts.take(), console ? FreePorts.take() : 0,
                    FreePorts.take(), databaseUrl, true, ProcessHandle.current().info().command().orElse("java"));
            Platform platform = new Platform(settings);
            // a failed start stops what it started
            platform.start();
            DemoCredentials demo = new DemoData(new AdminClient(settings.adminEndpoint(),
                    platform.secrets().adminToken()), settings.endpoint()).load(DemoCredentials.empty());
            return new Running(settings, platform, demo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalSettings settings() {
        return running.settings();
    }

    /** The console's address, e.g. {@code http://127.0.0.1:41234}: its pages call this platform's gateway. */
    static String consoleUrl() {
        return settings().consoleEndpoint();
    }

    /** A JDBC connection to the platform's database, to check what the services stored. */
    static Connection database() throws SQLException {
        Database db = running.platform().database();
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(),
                db.user(), db.password());
    }

    /** A customer made for one test, so that tests do not change the demo accounts others look at. */
    record Customer(String id, String accessKey, String secretKey) {

        BssClient client() {
            return TestPlatform.client(accessKey, secretKey, id, settings().endpoint());
        }

        SignedHttpClient signed() {
            return new SignedHttpClient(URI.create(settings().endpoint()), accessKey, secretKey, id);
        }
    }

    /** A new individual customer registered with billing and given {@code cash}, with an AK/SK. */
    static Customer newIndividual(String cash) {
        AdminClient admin = admin();
        String name = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String id = admin.expect("POST", "/admin/v1/domains", Map.of("name", name, "kind", "individual"))
                .path("domain_id").asText();
        admin.expect("PUT", "/admin/v1/services/billing/v1/customers/" + id, Map.of("customer_name", name));
        admin.expect("POST", "/admin/v1/services/billing/v1/ledger/recharges", Map.of("idempotency_key",
                "it-" + id, "customer_id", id, "amount", new BigDecimal(cash), "payment_channel_id", 2));
        JsonNode key = admin.expect("POST", "/admin/v1/domains/" + id + "/access-keys", Map.of());
        return new Customer(id, key.path("access_key").asText(), key.path("secret_key").asText());
    }

    /**
     * A new enterprise master given {@code cash} (and a credit line, if not null), and an independent sub-account
     * (its own finances) under it, both registered with billing, each with an AK/SK.
     */
    static Customer[] newEnterprise(String cash, String creditLimit) {
        AdminClient admin = admin();
        Customer master = newCustomer("enterprise_master", cash, creditLimit);
        Customer sub = newCustomer("enterprise_sub", "0.00", null);
        String org = Long.toUnsignedString(Long.parseUnsignedLong(master.id().substring(0, 12), 16) * 10);
        String enterprise = "/admin/v1/services/enterprise/v1/enterprises/" + master.id();
        admin.expect("PUT", enterprise + "/organizations/" + org, Map.of("name", "Enterprise " + master.id()));
        admin.expect("PUT", enterprise + "/sub-customers/" + sub.id(), Map.of("account_name", "sub" + sub.id()
                .substring(0, 12), "display_name", "Sub-account", "org_id", org, "financial_custody", 0));
        return new Customer[] {master, sub};
    }

    private static Customer newCustomer(String kind, String cash, String creditLimit) {
        AdminClient admin = admin();
        String name = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String id = admin.expect("POST", "/admin/v1/domains", Map.of("name", name, "kind", kind))
                .path("domain_id").asText();
        Map<String, Object> registration = new java.util.HashMap<>(Map.of("customer_name", name));
        if (creditLimit != null) {
            registration.put("credit_limit", new BigDecimal(creditLimit));
        }
        admin.expect("PUT", "/admin/v1/services/billing/v1/customers/" + id, registration);
        if (new BigDecimal(cash).signum() > 0) {
            admin.expect("POST", "/admin/v1/services/billing/v1/ledger/recharges", Map.of("idempotency_key",
                    "it-" + id, "customer_id", id, "amount", new BigDecimal(cash), "payment_channel_id", 2));
        }
        JsonNode key = admin.expect("POST", "/admin/v1/domains/" + id + "/access-keys", Map.of());
        return new Customer(id, key.path("access_key").asText(), key.path("secret_key").asText());
    }

    /** The admin API as the operator. */
    static String adminToken() {
        return running.platform().secrets().adminToken();
    }

    static AdminClient admin() {
        return new AdminClient(settings().adminEndpoint(), running.platform().secrets().adminToken());
    }

    /** The running service of that name, to crash or restart it. */
    static ServiceProcess service(String name) {
        return running.platform().services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Another gateway in front of this platform's services, on its database and keys, with extra JVM options;
     * answers its public endpoint. It stops with the platform.
     */
    static String startGateway(String name, List<String> jvmOptions) throws IOException {
        int port = FreePorts.take();
        LocalSettings settings = settings();
        running.platform().startGateway(name, port, FreePorts.take(), Map.of(
                "orders", "http://127.0.0.1:" + settings.ordersPort(),
                "billing", "http://127.0.0.1:" + settings.billingPort(),
                "enterprise", "http://127.0.0.1:" + settings.enterprisePort()), jvmOptions);
        return "http://127.0.0.1:" + port;
    }

    static void restart(String name) {
        running.platform().restart(name);
    }

    /** Starts a service again with extra JVM options (or without any, as the platform starts it). */
    static void restart(String name, List<String> jvmOptions) {
        running.platform().restart(name, jvmOptions);
    }

    /** Every process of the platform: the services, the gateway and the gateways tests started. */
    static List<ServiceProcess> services() {
        return List.copyOf(running.platform().services());
    }

    /** A watchdog over the platform's processes, as ./bss up's supervisor keeps one: closed by the caller. */
    static Watchdog watchdog() {
        return new Watchdog(running.platform(), () -> { }).start();
    }

    /** Whether the platform's PostgreSQL is the embedded one (which a test may kill). */
    static boolean embeddedDatabase() {
        return running.platform().database().embedded();
    }

    /** Kills the embedded PostgreSQL's postmaster with SIGKILL, as a crash would. */
    static void killDatabase() {
        ProcessHandle.of(running.platform().database().pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The local run's SMS outbox, where verification codes are written. */
    static Path smsOutbox() {
        return running.platform().smsOutbox();
    }

    static DemoCredentials demo() {
        return running.demo();
    }

    /** A demo account's id (prefix as in demo.env: {@code BSS_}, {@code BSS_SUB1_}, ...). */
    static String domainId(String prefix) {
        return demo().get(prefix + "DOMAIN_ID");
    }

    static BssClient client(String prefix) {
        return client(demo().get(prefix + "AK"), demo().get(prefix + "SK"), domainId(prefix), settings().endpoint());
    }

    static BssClient client(String ak, String sk, String domainId, String endpoint) {
        HttpConfig config = HttpConfig.getDefaultHttpConfig().withTimeout(30)
                .addHttpListener(HttpListener.forResponseListener(r -> RESPONSE_HEADERS.add(r.headers())));
        return BssClient.newBuilder()
                .withCredential(new GlobalCredentials().withAk(ak).withSk(sk).withDomainId(domainId))
                .withHttpConfig(config).withEndpoints(List.of(endpoint)).build();
    }

    /** Signs requests as the SDK does, for the operations the SDK has no method for and for malformed input. */
    static SignedHttpClient signed(String prefix) {
        return new SignedHttpClient(URI.create(settings().endpoint()), demo().get(prefix + "AK"),
                demo().get(prefix + "SK"), domainId(prefix));
    }

    static ClientRequestException assertRefused(Runnable call, int status, String code) {
        ClientRequestException[] caught = new ClientRequestException[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ClientRequestException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(status);
            assertThat(e.getErrorCode()).isEqualTo(code);
            assertThat(e.getRequestId()).isNotBlank();
            caught[0] = e;
        });
        return caught[0];
    }

    /** A 400 CBC.0100 whose message names {@code parameter}. */
    static void assertBadParameter(Runnable call, String parameter) {
        assertThat(assertRefused(call, 400, "CBC.0100").getErrorMsg()).contains(parameter);
    }

}
