package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.client;
import static io.openbss.e2e.TestPlatform.demo;
import static io.openbss.e2e.TestPlatform.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesRequest;
import io.openbss.launcher.DemoData;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** X-Auth-Tokens and IAM users' policies on the running platform, through the gateway to the real services. */
@ExtendWith(TestPlatform.class)
class GatewayIT {

    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenCallsTheServicesAsTheAccountAndSurvivesAGatewayRestart() throws Exception {
        String token = token(DemoData.MASTER.name());
        HttpResponse<String> balances = send("GET", BALANCES, token, null);
        assertThat(balances.statusCode()).isEqualTo(200);
        BigDecimal viaSdk = client("BSS_").showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest())
                .getAccountBalances().stream().filter(b -> b.getAccountType() == 1).findFirst().orElseThrow()
                .getAmount();
        BigDecimal viaToken = null;
        for (JsonNode balance : JSON.readTree(balances.body()).path("account_balances")) {
            if (balance.path("account_type").asInt() == 1) {
                viaToken = new BigDecimal(balance.path("amount").asText());
            }
        }
        assertThat(viaToken).isEqualByComparingTo(viaSdk);

        TestPlatform.restart("gateway");
        assertThat(send("GET", BALANCES, token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theFinanceUserSeesMoneyButCannotPayOrders() throws Exception {
        String token = token("finance");
        assertThat(send("GET", BALANCES, token, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v2/enterprises/multi-accounts/transfer-amount?balance_type=BALANCE_TYPE_DEBIT",
                token, null).statusCode()).isEqualTo(200);
        String orderId = "audit-" + UUID.randomUUID();
        HttpResponse<String> pay = send("POST", "/v3/orders/customer-orders/pay", token,
                "{\"order_id\":\"" + orderId + "\"}");
        assertThat(pay.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(pay.body()).path("error_code").asText()).isEqualTo("APIG.0302");
        // the refusal is in the audit trail: who (the user, by its token), what, the result
        JsonNode record = TestPlatform.admin().expect("GET", "/admin/v1/audit?resource_id=" + orderId, null)
                .path("records").get(0);
        assertThat(record.path("operation").asText()).isEqualTo("PayOrders");
        assertThat(record.path("user_name").asText()).isEqualTo("finance");
        assertThat(record.path("token_id").asText()).isNotBlank();
        assertThat(record.path("status").asInt()).isEqualTo(403);
        assertThat(record.path("error_code").asText()).isEqualTo("APIG.0302");
        assertThat(record.path("request_id").asText()).isEqualTo(pay.headers().firstValue("X-Request-Id")
                .orElseThrow());
        String operator = token("operator");
        HttpResponse<String> transfer = send("POST", "/v2/enterprises/multi-accounts/transfer-amount", operator,
                "{\"customer_id\":\"" + demo().get("BSS_SUB1_DOMAIN_ID") + "\",\"amount\":\"1.00\",\"trans_id\":\"t\"}");
        assertThat(transfer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(transfer.body()).path("error_code").asText()).isEqualTo("APIG.0302");
    }

    private String token(String user) throws IOException, InterruptedException {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + user + "\",\"password\":\"" + demo().get("BSS_PASSWORD") + "\",\"domain\":{\"name\":\""
                + DemoData.MASTER.name() + "\"}}}},\"scope\":{\"domain\":{\"name\":\"" + DemoData.MASTER.name()
                + "\"}}}}";
        HttpResponse<String> issued = send("POST", "/v3/auth/tokens", null, body);
        assertThat(issued.statusCode()).isEqualTo(201);
        return issued.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings().endpoint() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
