package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.AccountBalanceV3;
import com.huaweicloud.sdk.bss.v2.model.CustomerOrderV2;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerOrdersResponse;
import com.huaweicloud.sdk.bss.v2.model.ListEnterpriseSubCustomersRequest;
import com.huaweicloud.sdk.bss.v2.model.ListEnterpriseSubCustomersResponse;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesResponse;
import com.huaweicloud.sdk.bss.v2.model.SubCustomerInfoV2;
import com.huaweicloud.sdk.bss.v2.model.TransferEnterpriseMultiAccountReq;
import com.huaweicloud.sdk.bss.v2.model.UpdateSubEnterpriseAmountRequest;
import com.huaweicloud.sdk.core.HttpListener;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.region.Region;
import io.openbss.common.signing.SdkSignature;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.AdminClient;
import io.openbss.launcher.DemoCredentials;
import io.openbss.launcher.DemoData;
import io.openbss.launcher.LocalSettings;
import io.openbss.launcher.Platform;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform as ./bss up runs it (four service processes, PostgreSQL, the demo data), driven through the
 * gateway by the official Huawei Cloud SDK.
 */
class PlatformIT {

    static LocalSettings settings;
    static Platform platform;
    static DemoCredentials demo;
    static final List<Map<String, List<String>>> RESPONSE_HEADERS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPlatform() throws IOException {
        Path root = Path.of(System.getProperty("bss.root")).toAbsolutePath();
        Path home = Files.createTempDirectory(Files.createDirectories(root.resolve("e2e-tests/target")), "bss-home-");
        settings = new LocalSettings(root, home, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                Optional.ofNullable(System.getenv("BSS_TEST_PG_URL")).filter(s -> !s.isBlank()), true,
                ProcessHandle.current().info().command().orElse("java"));
        platform = new Platform(settings);
        platform.start();
        demo = new DemoData(new AdminClient(settings.adminEndpoint(), platform.secrets().adminToken()),
                settings.endpoint()).load(DemoCredentials.empty());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void balancesAreTheCallersOwn() {
        ShowCustomerAccountBalancesResponse master = client("BSS_")
                .showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest());
        assertThat(master.getHttpStatusCode()).isEqualTo(200);
        AccountBalanceV3 cash = master.getAccountBalances().stream().filter(b -> b.getAccountType() == 1).findFirst()
                .orElseThrow();
        AccountBalanceV3 credit = master.getAccountBalances().stream().filter(b -> b.getAccountType() == 2)
                .findFirst().orElseThrow();
        assertThat(cash.getAmount()).isEqualByComparingTo(DemoData.MASTER.recharge());
        assertThat(credit.getCreditAmount()).isEqualByComparingTo(DemoData.MASTER.creditLimit());
        assertThat(master.getCurrency()).isEqualTo("CNY");

        ShowCustomerAccountBalancesResponse individual = client("BSS_INDIVIDUAL_")
                .showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest());
        assertThat(individual.getAccountBalances()).singleElement()
                .satisfies(b -> assertThat(b.getAmount()).isEqualByComparingTo(DemoData.INDIVIDUAL.recharge()));
        assertThat(individual.getDebtAmount()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void ordersAreTheCallersOwnWithFiltersAndPaging() {
        BssClient master = client("BSS_");
        ListCustomerOrdersResponse all = master.listCustomerOrders(new ListCustomerOrdersRequest().withLimit(100));
        assertThat(all.getTotalCount()).isEqualTo(6);
        assertThat(all.getOrderInfos()).extracting(CustomerOrderV2::getCustomerId).containsOnly(demo.get("BSS_DOMAIN_ID"));
        assertThat(all.getOrderInfos()).extracting(CustomerOrderV2::getCreateTime)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        ListCustomerOrdersResponse pending = master.listCustomerOrders(new ListCustomerOrdersRequest().withStatus(6));
        assertThat(pending.getOrderInfos()).singleElement().satisfies(o -> {
            assertThat(o.getStatus()).isEqualTo(6);
            assertThat(o.getOfficialAmount()).isEqualTo(2210.0);
            assertThat(o.getAmountInfo().getDiscounts()).singleElement()
                    .satisfies(d -> assertThat(d.getDiscountAmount()).isEqualTo(221.0));
        });

        ListCustomerOrdersResponse page = master.listCustomerOrders(new ListCustomerOrdersRequest().withLimit(2)
                .withOffset(2).withOrderBy("createTime"));
        assertThat(page.getTotalCount()).isEqualTo(6);
        assertThat(page.getOrderInfos()).hasSize(2);

        ListCustomerOrdersResponse paidForSubs = master.listCustomerOrders(new ListCustomerOrdersRequest()
                .withMethod(ListCustomerOrdersRequest.MethodEnum.SUB_CUSTOMER));
        assertThat(paidForSubs.getOrderInfos()).hasSize(2)
                .extracting(CustomerOrderV2::getCustomerId).containsOnly(demo.get("BSS_SUB1_DOMAIN_ID"));

        ListCustomerOrdersResponse sub = client("BSS_SUB1_").listCustomerOrders(new ListCustomerOrdersRequest());
        assertThat(sub.getOrderInfos()).hasSize(2)
                .extracting(CustomerOrderV2::getCustomerId).containsOnly(demo.get("BSS_SUB1_DOMAIN_ID"));
    }

    @Test
    void masterListsItsSubAccounts() {
        ListEnterpriseSubCustomersResponse subs = client("BSS_")
                .listEnterpriseSubCustomers(new ListEnterpriseSubCustomersRequest());
        assertThat(subs.getTotalCount()).isEqualTo(2);
        assertThat(subs.getSubCustomerInfos()).extracting(SubCustomerInfoV2::getName)
                .containsExactly(DemoData.SUB1.name(), DemoData.SUB2.name());
        assertThat(subs.getSubCustomerInfos()).extracting(SubCustomerInfoV2::getId)
                .containsExactly(demo.get("BSS_SUB1_DOMAIN_ID"), demo.get("BSS_SUB2_DOMAIN_ID"));

        ListEnterpriseSubCustomersResponse fuzzy = client("BSS_").listEnterpriseSubCustomers(
                new ListEnterpriseSubCustomersRequest().withSubCustomerAccountName("DEV").withFuzzyQuery(1));
        assertThat(fuzzy.getSubCustomerInfos()).extracting(SubCustomerInfoV2::getName)
                .containsExactly(DemoData.SUB1.name());
    }

    @Test
    void subAccountMayNotListSubAccounts() {
        assertRefused(() -> client("BSS_SUB1_").listEnterpriseSubCustomers(new ListEnterpriseSubCustomersRequest()),
                403, "CBC.0151");
        assertRefused(() -> client("BSS_INDIVIDUAL_").listEnterpriseSubCustomers(
                new ListEnterpriseSubCustomersRequest()), 403, "CBC.0151");
    }

    @Test
    void badInputIs400NamingTheParameter() {
        ClientRequestException e = assertRefused(() -> client("BSS_").listCustomerOrders(
                new ListCustomerOrdersRequest().withLimit(500)), 400, "CBC.0100");
        assertThat(e.getErrorMsg()).contains("limit");
        e = assertRefused(() -> client("BSS_").listCustomerOrders(
                new ListCustomerOrdersRequest().withCreateTimeBegin("yesterday")), 400, "CBC.0100");
        assertThat(e.getErrorMsg()).contains("create_time_begin");
    }

    @Test
    void wrongSecretKeyIsRefused() {
        BssClient wrong = client(demo.get("BSS_AK"), "not-the-secret-key", demo.get("BSS_DOMAIN_ID"), settings.endpoint());
        ClientRequestException e = assertRefused(
                () -> wrong.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest()), 401, "APIG.0301");
        assertThat(e.getErrorMsg()).contains("verify aksk signature fail");
    }

    @Test
    void unknownAccessKeyIsRefused() {
        BssClient unknown = client("UNKNOWNACCESSKEY0000", demo.get("BSS_SK"), demo.get("BSS_DOMAIN_ID"),
                settings.endpoint());
        ClientRequestException e = assertRefused(
                () -> unknown.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest()), 401, "APIG.0301");
        assertThat(e.getErrorMsg()).contains("ak not exist");
    }

    @Test
    void requestSignedSixteenMinutesAgoIsRefused() {
        String stale = SdkSignature.formatDate(Instant.now().minus(Duration.ofMinutes(16)));
        assertRefused(() -> client("BSS_").showCustomerAccountBalancesInvoker(new ShowCustomerAccountBalancesRequest())
                .addHeader("X-Sdk-Date", stale).invoke(), 401, "APIG.0303");
        String recent = SdkSignature.formatDate(Instant.now().minus(Duration.ofMinutes(14)));
        assertThat(client("BSS_").showCustomerAccountBalancesInvoker(new ShowCustomerAccountBalancesRequest())
                .addHeader("X-Sdk-Date", recent).invoke().getHttpStatusCode()).isEqualTo(200);
    }

    @Test
    void bodyChangedOnTheWayIsRefused() throws IOException {
        try (TamperingProxy proxy = new TamperingProxy(settings.gatewayPort())) {
            BssClient intercepted = client(demo.get("BSS_AK"), demo.get("BSS_SK"), demo.get("BSS_DOMAIN_ID"),
                    "http://127.0.0.1:" + proxy.port());
            ClientRequestException e = assertRefused(() -> intercepted.updateSubEnterpriseAmount(
                    new UpdateSubEnterpriseAmountRequest().withBody(new TransferEnterpriseMultiAccountReq()
                            .withCustomerId(demo.get("BSS_SUB1_DOMAIN_ID")).withAmount("12.50")
                            .withTransId("tampered-0001"))), 401, "APIG.0301");
            assertThat(e.getErrorMsg()).contains("verify aksk signature fail");
        }
    }

    @Test
    void sdkBuiltWithARegionLearnsItsDomainFromTheGateway() {
        GlobalCredentials credentials = new GlobalCredentials().withAk(demo.get("BSS_INDIVIDUAL_AK"))
                .withSk(demo.get("BSS_INDIVIDUAL_SK")).withIamEndpoint(settings.endpoint());
        BssClient regional = BssClient.newBuilder().withCredential(credentials)
                .withRegion(new Region("openbss-local", settings.endpoint())).build();
        assertThat(regional.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest())
                .getAccountBalances()).singleElement()
                .satisfies(b -> assertThat(b.getAmount()).isEqualByComparingTo(DemoData.INDIVIDUAL.recharge()));
        assertThat(credentials.getDomainId()).isEqualTo(demo.get("BSS_INDIVIDUAL_DOMAIN_ID"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        RESPONSE_HEADERS.clear();
        BssClient master = client("BSS_");
        master.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest());
        master.listCustomerOrders(new ListCustomerOrdersRequest());
        master.listEnterpriseSubCustomers(new ListEnterpriseSubCustomersRequest());
        assertRefused(() -> master.listCustomerOrders(new ListCustomerOrdersRequest().withLimit(0)), 400, "CBC.0100");
        assertRefused(() -> client("BSS_SUB1_").listEnterpriseSubCustomers(new ListEnterpriseSubCustomersRequest()),
                403, "CBC.0151");
        assertThat(RESPONSE_HEADERS).hasSize(5).allSatisfy(headers -> assertThat(headers.entrySet())
                .anySatisfy(h -> {
                    assertThat(h.getKey()).isEqualToIgnoringCase("X-Request-Id");
                    assertThat(h.getValue().getFirst()).isNotBlank();
                }));
    }

    @Test
    void servicesRefuseRequestsThatBypassTheGateway() throws Exception {
        Map<Integer, String> ownPaths = Map.of(settings.billingPort(), "/v2/accounts/customer-accounts/balances",
                settings.ordersPort(), "/v2/orders/customer-orders",
                settings.enterprisePort(), "/v2/enterprises/multi-accounts/sub-customers");
        for (Map.Entry<Integer, String> service : ownPaths.entrySet()) {
            SignedHttpClient direct = new SignedHttpClient(URI.create("http://127.0.0.1:" + service.getKey()),
                    demo.get("BSS_AK"), demo.get("BSS_SK"), demo.get("BSS_DOMAIN_ID"));
            SignedHttpClient.Response response = direct.send("GET", service.getValue(), null, null);
            assertThat(response.status()).as(service.getValue()).isEqualTo(401);
            assertThat(response.body()).doesNotContain(demo.get("BSS_DOMAIN_ID"));
        }
        SignedHttpClient.Response forged = new SignedHttpClient(URI.create("http://127.0.0.1:" + settings.billingPort()),
                "x", "y", null).send("GET", "/v2/accounts/customer-accounts/balances", null,
                Map.of("Authorization", "Bearer " + ForgedToken.forCustomer(demo.get("BSS_DOMAIN_ID"))), null,
                Instant.now());
        assertThat(forged.status()).isEqualTo(401);
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

    static BssClient client(String prefix) {
        return client(demo.get(prefix + "AK"), demo.get(prefix + "SK"), demo.get(prefix + "DOMAIN_ID"),
                settings.endpoint());
    }

    static BssClient client(String ak, String sk, String domainId, String endpoint) {
        HttpConfig config = HttpConfig.getDefaultHttpConfig().withTimeout(30)
                .addHttpListener(HttpListener.forResponseListener(r -> RESPONSE_HEADERS.add(r.headers())));
        return BssClient.newBuilder()
                .withCredential(new GlobalCredentials().withAk(ak).withSk(sk).withDomainId(domainId))
                .withHttpConfig(config).withEndpoints(List.of(endpoint)).build();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
