package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@code ./bss admin link}, {@code unlink} and {@code links} read the admin API's answers (contract 2): an account
 * by name or domain id, 204 or 404 on unlink, the list of views; an admin API stand-in answers on a loopback port.
 */
class UpstreamLinksTest {

    private HttpServer admin;
    private UpstreamLinks links;

    @BeforeEach
    void startAdminApi() throws IOException {
        admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        admin.createContext("/admin/v1/", exchange -> {
            String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            switch (request) {
                case "GET /admin/v1/domains?name=demo-sub-dev" -> answer(exchange, 200,
                        "{\"domains\":[{\"domain_id\":\"d-sub\",\"name\":\"demo-sub-dev\"}]}");
                case "GET /admin/v1/domains?name=d-sub", "GET /admin/v1/domains?name=d-none" -> answer(exchange, 200,
                        "{\"domains\":[]}");
                case "DELETE /admin/v1/domains/d-sub/upstream-link" -> answer(exchange, 204, "");
                case "DELETE /admin/v1/domains/d-none/upstream-link" -> answer(exchange, 404,
                        "{\"error_code\":\"CBC.0101\",\"error_msg\":\"Account d-none is not linked\"}");
                case "DELETE /admin/v1/domains/d-broken/upstream-link" -> answer(exchange, 500,
                        "{\"error_code\":\"CBC.0999\",\"error_msg\":\"oops\"}");
                case "GET /admin/v1/upstream-links" -> answer(exchange, 200, "{\"links\":[{\"domain_id\":\"d-sub\","
                        + "\"endpoint\":\"http://127.0.0.1:19080\",\"access_key\":\"AK1\",\"upstream_domain_id\":\"u1\"}]}");
                default -> answer(exchange, 404, "{\"error_code\":\"CBC.0100\",\"error_msg\":\"No such resource\"}");
            }
        });
        admin.start();
        links = new UpstreamLinks(new AdminClient("http://127.0.0.1:" + admin.getAddress().getPort(), "token"));
    }

    @AfterEach
    void stopAdminApi() {
        admin.stop(0);
    }

    @Test
    void anAccountIsGivenByNameOrByDomainId() {
        assertThat(links.domainId("demo-sub-dev")).isEqualTo("d-sub");
        assertThat(links.domainId("d-sub")).isEqualTo("d-sub");
    }

    @Test
    void unlinkingSaysWhetherThereWasALink() {
        assertThat(links.unlink("d-sub")).isTrue();
        assertThat(links.unlink("d-none")).isFalse();
        assertThatThrownBy(() -> links.unlink("d-broken")).isInstanceOf(LauncherException.class)
                .hasMessageContaining("500");
    }

    @Test
    void theLinksAreTheAdminApisViews() {
        assertThat(links.all()).singleElement().satisfies(link -> {
            assertThat(link.path("domain_id").asText()).isEqualTo("d-sub");
            assertThat(link.path("access_key").asText()).isEqualTo("AK1");
        });
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
