package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.launcher.AdminClient;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in front of a linked account (upstream mode): it speaks only the public API, so its pages show the
 * upstream's answers, the same as a direct call to the upstream with the link's credentials.
 */
@ExtendWith({TestPlatform.class, StandInUpstream.class})
class ConsoleUpstreamIT {

    private static final String PASSWORD = "Upstream-console1";

    @Test
    void aLinkedAccountsPagesShowTheUpstreamsMoneyAndOrders() throws Exception {
        TestPlatform.Customer linked = StandInUpstream.linked();
        AdminClient admin = TestPlatform.admin();
        String name = admin.expect("GET", "/admin/v1/domains/" + linked.id(), null).path("name").asText();
        String rootUser = null;
        for (JsonNode user : admin.expect("GET", "/admin/v1/domains/" + linked.id() + "/users", null).path("users")) {
            if (user.path("root").asBoolean()) {
                rootUser = user.path("user_id").asText();
            }
        }
        admin.expect("PUT", "/admin/v1/users/" + rootUser + "/password", Map.of("password", PASSWORD));
        JsonNode upstreamBalances = direct("/v2/accounts/customer-accounts/balances", "");
        BigDecimal upstreamCash = BigDecimal.ZERO;
        for (JsonNode account : upstreamBalances.path("account_balances")) {
            if (account.path("account_type").asInt() == 1) {
                upstreamCash = account.path("amount").decimalValue();
            }
        }
        String upstreamOrder = direct("/v2/orders/customer-orders", "limit=1").path("order_infos").path(0)
                .path("order_id").asText();

        try (Browser browser = new Browser(TestPlatform.consoleUrl(), 1366, 900)) {
            browser.signIn(name, null, PASSWORD);
            browser.open("/", "upstream-overview");
            assertThat(ConsoleBrowserIT.amount(browser.find("available").getText()))
                    .isEqualByComparingTo(upstreamCash);
            browser.open("/orders", "upstream-orders");
            assertThat(browser.find("table-orders").getText()).contains(upstreamOrder);
        }
    }

    /** A view answered by the stand-in directly, signed with the link's (its demo master's) credentials. */
    private static JsonNode direct(String path, String query) throws Exception {
        var answer = StandInUpstream.signed().send("GET", path, query, Map.of("X-Language", "en_US"), null,
                java.time.Instant.now());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }
}
