package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.client;
import static io.openbss.e2e.TestPlatform.demo;
import static io.openbss.e2e.TestPlatform.domainId;
import static io.openbss.e2e.TestPlatform.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesRequest;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.iam.v3.IamClient;
import com.huaweicloud.sdk.iam.v3.model.AuthScope;
import com.huaweicloud.sdk.iam.v3.model.AuthScopeDomain;
import com.huaweicloud.sdk.iam.v3.model.KeystoneCreateUserTokenByPasswordRequest;
import com.huaweicloud.sdk.iam.v3.model.KeystoneCreateUserTokenByPasswordRequestBody;
import com.huaweicloud.sdk.iam.v3.model.KeystoneCreateUserTokenByPasswordResponse;
import com.huaweicloud.sdk.iam.v3.model.PwdAuth;
import com.huaweicloud.sdk.iam.v3.model.PwdIdentity;
import com.huaweicloud.sdk.iam.v3.model.PwdPassword;
import com.huaweicloud.sdk.iam.v3.model.PwdPasswordUser;
import com.huaweicloud.sdk.iam.v3.model.PwdPasswordUserDomain;
import io.openbss.launcher.DemoData;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official IAM SDK gets an X-Auth-Token from the gateway. Its client signs every request it sends with the AK/SK
 * it was built with (here the enterprise master's), a password login too: the password decides whose token it is.
 * The SDK core (3.1.170) has no X-Auth-Token credential (only AK/SK, STS security tokens and OIDC federation), so the
 * token is then used with plain HTTP, and revoked with it.
 */
@ExtendWith(TestPlatform.class)
class IamSdkIT {

    static final String BALANCES = "/v2/accounts/customer-accounts/balances";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theIamSdkGetsTheFinanceUsersTokenWhichReadsBalancesCannotPayAndIsRevokedOnSignOut() throws Exception {
        IamClient iam = IamClient.newBuilder()
                .withCredential(new GlobalCredentials().withAk(demo().get("BSS_AK")).withSk(demo().get("BSS_SK"))
                        .withDomainId(domainId("BSS_")))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(30))
                .withEndpoints(List.of(settings().endpoint())).build();
        String enterprise = DemoData.MASTER.name();
        KeystoneCreateUserTokenByPasswordResponse issued = iam.keystoneCreateUserTokenByPassword(
                new KeystoneCreateUserTokenByPasswordRequest().withBody(new KeystoneCreateUserTokenByPasswordRequestBody()
                        .withAuth(new PwdAuth()
                                .withIdentity(new PwdIdentity().withMethods(List.of(PwdIdentity.MethodsEnum.PASSWORD))
                                        .withPassword(new PwdPassword().withUser(new PwdPasswordUser()
                                                .withName("finance").withPassword(demo().get("BSS_PASSWORD"))
                                                .withDomain(new PwdPasswordUserDomain().withName(enterprise)))))
                                .withScope(new AuthScope().withDomain(new AuthScopeDomain().withName(enterprise))))));
        String token = issued.getXSubjectToken();
        assertThat(token).isNotBlank();
        assertThat(issued.getToken().getMethods()).containsExactly("password");
        assertThat(issued.getToken().getUser().getName()).isEqualTo("finance");
        assertThat(issued.getToken().getDomain().getId()).isEqualTo(domainId("BSS_"));

        HttpResponse<String> balances = send("GET", BALANCES, token, null);
        assertThat(balances.statusCode()).as(balances.body()).isEqualTo(200);
        BigDecimal viaToken = null;
        for (JsonNode balance : JSON.readTree(balances.body()).path("account_balances")) {
            if (balance.path("account_type").asInt() == 1) {
                viaToken = new BigDecimal(balance.path("amount").asText());
            }
        }
        BigDecimal viaSdk = client("BSS_").showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest())
                .getAccountBalances().stream().filter(b -> b.getAccountType() == 1).findFirst().orElseThrow()
                .getAmount();
        assertThat(viaToken).isEqualByComparingTo(viaSdk);

        // the master that signed the login may pay; the token is finance's, which may not
        HttpResponse<String> pay = send("POST", "/v3/orders/customer-orders/pay", token,
                "{\"order_id\":\"iam-sdk-" + UUID.randomUUID() + "\",\"use_coupon\":\"NO\"}");
        assertThat(pay.statusCode()).as(pay.body()).isEqualTo(403);
        assertThat(JSON.readTree(pay.body()).path("error_code").asText()).isEqualTo("APIG.0302");

        // signing out as a console does: Keystone's revocation, which needs no role, then the token is dead
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(settings().endpoint()
                        + "/v3/auth/tokens")).header("X-Auth-Token", token).header("X-Subject-Token", token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        HttpResponse<String> after = send("GET", BALANCES, token, null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(after.body()).path("error_code").asText()).isEqualTo("APIG.0301");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings().endpoint() + path))
                .header("Content-Type", "application/json").header("X-Auth-Token", token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
