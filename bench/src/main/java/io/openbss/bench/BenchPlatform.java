package io.openbss.bench;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.common.identity.InternalToken;
import io.openbss.launcher.AdminClient;
import io.openbss.launcher.Database;
import io.openbss.launcher.LocalSettings;
import io.openbss.launcher.Platform;
import io.openbss.testing.FreePorts;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform as ./bss up runs it, without demo data, in its own home (kept between runs, so that generated data
 * is generated once), and internal tokens to call billing-service directly as the gateway would.
 */
final class BenchPlatform implements AutoCloseable {

    private final Platform platform;
    private final LocalSettings settings;
    private final PrivateKey key;

    private BenchPlatform(Platform platform, LocalSettings settings, PrivateKey key) {
        this.platform = platform;
        this.settings = settings;
        this.key = key;
    }

    static BenchPlatform start(Path root, Path home) throws IOException {
        // no console (port 0): nothing here looks at pages, and it would take memory from what is measured
        LocalSettings settings = new LocalSettings(root, home, FreePorts.take(), FreePorts.take(), FreePorts.take(), FreePorts.take(),
                FreePorts.take(), 0, FreePorts.take(), Optional.ofNullable(System.getenv("BSS_DB_URL")).filter(s -> !s.isBlank()),
                false, ProcessHandle.current().info().command().orElse("java"));
        Platform platform = new Platform(settings);
        platform.start();
        // as ./bss up runs them from its second start on: from their AOT caches (trained here on the first)
        platform.startFromAotCaches();
        return new BenchPlatform(platform, settings, readKey(platform.secrets().privateKey()));
    }

    /** The public BSS API (the gateway). */
    String gateway() {
        return settings.endpoint();
    }

    /** A gateway the bench started: its public API and its process. */
    record Gateway(String url, long pid) {
    }

    /** Another gateway on the platform's database and keys, every service of it at {@code backend}. */
    Gateway startGateway(String name, String backend, List<String> jvmOptions) {
        int publicPort = FreePorts.take();
        long pid = platform.startGateway(name, publicPort, FreePorts.take(), Map.of("orders", backend,
                "billing", backend, "enterprise", backend), jvmOptions).pid();
        return new Gateway("http://127.0.0.1:" + publicPort, pid);
    }

    /** The platform itself, to restart a service with other JVM options. */
    Platform platform() {
        return platform;
    }

    Path home() {
        return settings.home();
    }

    /** The repository's root, where each service's module (and its build output) is. */
    Path root() {
        return settings.root();
    }

    AdminClient admin() {
        return new AdminClient(settings.adminEndpoint(), platform.secrets().adminToken());
    }

    String serviceToken(String audience) {
        return token(CallerIdentity.service("bench-cloud"), audience);
    }

    String orders() {
        return "http://127.0.0.1:" + settings.ordersPort();
    }

    String billing() {
        return "http://127.0.0.1:" + settings.billingPort();
    }

    Connection jdbc() throws SQLException {
        Database db = platform.database();
        Connection connection = DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/"
                + db.name(), db.user(), db.password());
        connection.createStatement().execute("SET search_path = billing");
        return connection;
    }

    String customerToken(String customerId) {
        return token(new CallerIdentity(customerId, "bench-" + customerId, CallerKind.INDIVIDUAL, null, null, null, false));
    }

    String serviceToken() {
        return token(CallerIdentity.service("orders-service"));
    }

    String operatorToken() {
        return token(CallerIdentity.operator("bench"));
    }

    String customerToken(String customerId, String audience) {
        return token(new CallerIdentity(customerId, "bench-" + customerId, CallerKind.INDIVIDUAL, null, null, null, false),
                audience);
    }

    private String token(CallerIdentity caller) {
        return token(caller, "billing-service");
    }

    private String token(CallerIdentity caller, String audience) {
        return "Bearer " + InternalToken.issue(caller, audience, Duration.ofHours(2), key, Instant.now());
    }

    @Override
    public void close() {
        platform.close();
    }

    private static PrivateKey readKey(Path pem) throws IOException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable internal token key " + pem, e);
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
