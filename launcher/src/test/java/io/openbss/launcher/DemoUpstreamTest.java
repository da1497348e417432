package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./bss up --upstream} and {@code --upstream-endpoint} ask of the admin API (contract 2: one PUT per linked
 * account, with the stand-in's or the given credential) and the env file it writes; an admin API stand-in on a
 * loopback port records the requests.
 */
class DemoUpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private HttpServer admin;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAdminApi() throws IOException {
        admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        admin.createContext("/admin/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            bodies.add(body);
            byte[] view = JSON.writeValueAsBytes(Map.of("domain_id", "local",
                    "endpoint", body.path("endpoint").asText(), "access_key", body.path("access_key").asText(),
                    "upstream_domain_id", body.path("upstream_domain_id").asText()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, view.length);
            exchange.getResponseBody().write(view);
            exchange.close();
        });
        admin.start();
    }

    @AfterEach
    void stopAdminApi() {
        admin.stop(0);
    }

    @Test
    void theStandInsSettingsAreASecondPlatformUnderTheFirstsHome() {
        LocalSettings primary = new LocalSettings(root, root.resolve("home"), 18080, 18081, 18082, 18083, 18084, 18085,
                15432, Optional.of("jdbc:postgresql://db/openbss"), true, "java");
        LocalSettings standIn = primary.standIn();
        assertThat(standIn.home()).isEqualTo(root.resolve("home/upstream"));
        assertThat(List.of(standIn.gatewayPort(), standIn.adminPort(), standIn.ordersPort(), standIn.billingPort(),
                standIn.enterprisePort(), standIn.postgresPort())).containsExactly(19080, 19081, 19082, 19083, 19084,
                15433);
        assertThat(standIn.endpoint()).isEqualTo("http://127.0.0.1:19080");
        assertThat(standIn.externalDatabaseUrl()).isEmpty();
        assertThat(standIn.demoData()).isTrue();
        assertThat(primary.console()).isTrue();
        assertThat(standIn.console()).as("the stand-in runs no console").isFalse();
        assertThat(standIn.environment()).containsEntry("BSS_HOME", root.resolve("home/upstream").toString())
                .containsEntry("BSS_GATEWAY_PORT", "19080").containsEntry("BSS_ADMIN_PORT", "19081")
                .containsEntry("BSS_ORDERS_PORT", "19082").containsEntry("BSS_BILLING_PORT", "19083")
                .containsEntry("BSS_ENTERPRISE_PORT", "19084").containsEntry("BSS_PG_PORT", "15433")
                .containsEntry("BSS_CONSOLE_PORT", "0").containsEntry("BSS_DB_URL", "").containsEntry("BSS_DEMO", "true");
        assertThat(primary.upstreamEnvFile()).isEqualTo(root.resolve("home/upstream.env"));
    }

    @Test
    void everyDemoAccountIsLinkedToTheStandInsAccountOfTheSameName() throws IOException {
        LocalSettings settings = settings();
        demoEnv(settings, "local");
        demoEnv(settings.standIn(), "stand-in");

        List<String> linked = new DemoUpstream(settings, new AdminClient(adminEndpoint(), "admin-token"))
                .linkToStandIn();

        assertThat(linked).containsExactly("demo-enterprise", "demo-sub-dev", "demo-sub-ops", "demo-individual");
        assertThat(requests).containsExactly(
                "PUT /admin/v1/domains/local-BSS_-id/upstream-link Bearer admin-token",
                "PUT /admin/v1/domains/local-BSS_SUB1_-id/upstream-link Bearer admin-token",
                "PUT /admin/v1/domains/local-BSS_SUB2_-id/upstream-link Bearer admin-token",
                "PUT /admin/v1/domains/local-BSS_INDIVIDUAL_-id/upstream-link Bearer admin-token");
        assertThat(bodies.get(1)).isEqualTo(JSON.readTree("""
                {"endpoint":"http://127.0.0.1:19080","access_key":"stand-in-BSS_SUB1_-ak",
                 "secret_key":"stand-in-BSS_SUB1_-sk","upstream_domain_id":"stand-in-BSS_SUB1_-id"}"""));

        Path env = settings.upstreamEnvFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(env, StandardCharsets.UTF_8);
        assertThat(lines.get(1)).isEqualTo("export BSS_UPSTREAM_ENDPOINT=http://127.0.0.1:19080");
        assertThat(lines).contains("export BSS_ENDPOINT=http://127.0.0.1:19080", "export BSS_AK=stand-in-BSS_-ak",
                "export BSS_SK=stand-in-BSS_-sk", "export BSS_DOMAIN_ID=stand-in-BSS_-id",
                "export BSS_INDIVIDUAL_SK=stand-in-BSS_INDIVIDUAL_-sk");
        assertThat(DemoCredentials.read(env).values()).doesNotContainValue("local-BSS_-id");

        requests.clear();
        new DemoUpstream(settings, new AdminClient(adminEndpoint(), "admin-token")).linkToStandIn();
        assertThat(requests).as("linking again asks the same").hasSize(4);
    }

    @Test
    void anUpstreamEndpointLinksTheDemoMasterAlone() {
        LocalSettings settings = settings();
        demoEnv(settings, "local");

        new DemoUpstream(settings, new AdminClient(adminEndpoint(), "admin-token")).linkMaster(new UpstreamCredential(
                URI.create("https://bss.myhuaweicloud.com"), "REALAK", "real-secret", "real-domain"));

        assertThat(requests).containsExactly("PUT /admin/v1/domains/local-BSS_-id/upstream-link Bearer admin-token");
        assertThat(bodies.getFirst().path("secret_key").asText()).isEqualTo("real-secret");
        assertThat(bodies.getFirst().path("endpoint").asText()).isEqualTo("https://bss.myhuaweicloud.com");
        assertThat(settings.upstreamEnvFile()).doesNotExist();
    }

    @Test
    void withoutTheStandInsDemoCredentialsNothingIsLinked() {
        LocalSettings settings = settings();
        demoEnv(settings, "local");

        assertThatThrownBy(() -> new DemoUpstream(settings, new AdminClient(adminEndpoint(), "admin-token"))
                .linkToStandIn()).isInstanceOf(LauncherException.class)
                .hasMessageContaining(settings.standIn().demoEnvFile().toString());
        assertThat(requests).isEmpty();
    }

    private LocalSettings settings() {
        return new LocalSettings(root, root.resolve("home"), 18080, 18081, 18082, 18083, 18084, 18085, 15432,
                Optional.empty(), true, "java");
    }

    /** A demo env file whose values say whose they are: {@code <who>-BSS_SUB1_-ak}. */
    private static void demoEnv(LocalSettings settings, String who) {
        DemoCredentials demo = DemoCredentials.empty();
        demo.put("BSS_ENDPOINT", settings.endpoint());
        for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
            demo.put(account.envPrefix() + "AK", who + "-" + account.envPrefix() + "-ak");
            demo.put(account.envPrefix() + "SK", who + "-" + account.envPrefix() + "-sk");
            demo.put(account.envPrefix() + "DOMAIN_ID", who + "-" + account.envPrefix() + "-id");
        }
        demo.write(settings.demoEnvFile());
    }

    private String adminEndpoint() {
        return "http://127.0.0.1:" + admin.getAddress().getPort();
    }
}
