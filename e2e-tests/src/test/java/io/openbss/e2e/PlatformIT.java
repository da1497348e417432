package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.assertRefused;
import static io.openbss.e2e.TestPlatform.client;
import static io.openbss.e2e.TestPlatform.demo;
import static io.openbss.e2e.TestPlatform.settings;
import static org.assertj.core.api.Assertions.assertThat;

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
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.region.Region;
import io.openbss.common.signing.SdkSignature;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.launcher.DemoData;
import io.openbss.launcher.ServiceJvm;
import io.openbss.launcher.ServiceProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication and routing through the gateway, and the first operation of each service, driven by the official
 * Huawei Cloud SDK against the platform as ./bss up runs it.
 */
@ExtendWith(TestPlatform.class)
class PlatformIT {

    @Test
    void balancesAreTheCallersOwn() {
        ShowCustomerAccountBalancesResponse master = client("BSS_")
                .showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest());
        assertThat(master.getHttpStatusCode()).isEqualTo(200);
        AccountBalanceV3 cash = master.getAccountBalances().stream().filter(b -> b.getAccountType() == 1).findFirst()
                .orElseThrow();
        AccountBalanceV3 credit = master.getAccountBalances().stream().filter(b -> b.getAccountType() == 2)
                .findFirst().orElseThrow();
        // the demo's usage and purchases spent part of the opening balance, and no credit
        assertThat(cash.getAmount()).isPositive().isLessThan(DemoData.MASTER.recharge());
        assertThat(credit.getCreditAmount()).isEqualByComparingTo(DemoData.MASTER.creditLimit());
        assertThat(credit.getAmount()).isEqualByComparingTo(DemoData.MASTER.creditLimit());
        assertThat(master.getCurrency()).isEqualTo("CNY");

        ShowCustomerAccountBalancesResponse individual = client("BSS_INDIVIDUAL_")
                .showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest());
        assertThat(individual.getAccountBalances()).singleElement().satisfies(b -> {
            assertThat(b.getAmount()).isPositive().isLessThan(DemoData.INDIVIDUAL.recharge());
            assertThat(b.getAccountId()).isNotEqualTo(cash.getAccountId());
        });
        assertThat(individual.getDebtAmount()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void ordersAreTheCallersOwnWithFiltersAndPaging() {
        BssClient master = client("BSS_");
        ListCustomerOrdersResponse all = master.listCustomerOrders(new ListCustomerOrdersRequest().withLimit(100));
        // the demo's history: purchases, a renewal, monthly auto-renewals, a cancelled and a pending order
        assertThat(all.getTotalCount()).isGreaterThanOrEqualTo(6).isEqualTo(all.getOrderInfos().size());
        assertThat(all.getOrderInfos()).extracting(CustomerOrderV2::getCustomerId).containsOnly(demo().get("BSS_DOMAIN_ID"));
        assertThat(all.getOrderInfos()).extracting(CustomerOrderV2::getCreateTime)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.getOrderInfos()).extracting(CustomerOrderV2::getOrderType).contains(1, 2);

        ListCustomerOrdersResponse pending = master.listCustomerOrders(new ListCustomerOrdersRequest().withStatus(6));
        assertThat(pending.getOrderInfos()).singleElement().satisfies(o -> {
            assertThat(o.getStatus()).isEqualTo(6);
            assertThat(o.getServiceTypeCode()).isEqualTo("hws.service.type.rds");
            // the master's commercial discount is for ECS only
            assertThat(o.getAmountInfo().getDiscounts()).isEmpty();
            assertThat(o.getAmountAfterDiscount()).isEqualTo(o.getOfficialAmount());
        });

        ListCustomerOrdersResponse page = master.listCustomerOrders(new ListCustomerOrdersRequest().withLimit(2)
                .withOffset(2).withOrderBy("createTime"));
        assertThat(page.getTotalCount()).isEqualTo(all.getTotalCount());
        assertThat(page.getOrderInfos()).extracting(CustomerOrderV2::getOrderId).containsExactly(
                all.getOrderInfos().get(all.getOrderInfos().size() - 3).getOrderId(),
                all.getOrderInfos().get(all.getOrderInfos().size() - 4).getOrderId());

        ListCustomerOrdersResponse paidForSubs = master.listCustomerOrders(new ListCustomerOrdersRequest()
                .withMethod(ListCustomerOrdersRequest.MethodEnum.SUB_CUSTOMER));
        assertThat(paidForSubs.getOrderInfos()).singleElement()
                .extracting(CustomerOrderV2::getCustomerId).isEqualTo(demo().get("BSS_SUB1_DOMAIN_ID"));

        ListCustomerOrdersResponse sub = client("BSS_SUB1_").listCustomerOrders(new ListCustomerOrdersRequest());
        assertThat(sub.getOrderInfos()).extracting(CustomerOrderV2::getOrderId)
                .containsExactlyElementsOf(paidForSubs.getOrderInfos().stream().map(CustomerOrderV2::getOrderId)
                        .toList());
    }

    @Test
    void masterListsItsSubAccounts() {
        ListEnterpriseSubCustomersResponse subs = client("BSS_")
                .listEnterpriseSubCustomers(new ListEnterpriseSubCustomersRequest());
        // the demo's two come first; EnterpriseIT may have created more
        assertThat(subs.getTotalCount()).isGreaterThanOrEqualTo(2);
        assertThat(subs.getSubCustomerInfos()).extracting(SubCustomerInfoV2::getName)
                .startsWith(DemoData.SUB1.name(), DemoData.SUB2.name());
        assertThat(subs.getSubCustomerInfos()).extracting(SubCustomerInfoV2::getId)
                .startsWith(demo().get("BSS_SUB1_DOMAIN_ID"), demo().get("BSS_SUB2_DOMAIN_ID"));

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
        BssClient wrong = client(demo().get("BSS_AK"), "not-the-secret-key", demo().get("BSS_DOMAIN_ID"), settings().endpoint());
        ClientRequestException e = assertRefused(
                () -> wrong.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest()), 401, "APIG.0301");
        assertThat(e.getErrorMsg()).contains("verify aksk signature fail");
    }

    @Test
    void unknownAccessKeyIsRefused() {
        BssClient unknown = client("UNKNOWNACCESSKEY0000", demo().get("BSS_SK"), demo().get("BSS_DOMAIN_ID"),
                settings().endpoint());
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
        try (TamperingProxy proxy = new TamperingProxy(settings().gatewayPort())) {
            BssClient intercepted = client(demo().get("BSS_AK"), demo().get("BSS_SK"), demo().get("BSS_DOMAIN_ID"),
                    "http://127.0.0.1:" + proxy.port());
            ClientRequestException e = assertRefused(() -> intercepted.updateSubEnterpriseAmount(
                    new UpdateSubEnterpriseAmountRequest().withBody(new TransferEnterpriseMultiAccountReq()
                            .withCustomerId(demo().get("BSS_SUB1_DOMAIN_ID")).withAmount("12.50")
                            .withTransId("tampered-0001"))), 401, "APIG.0301");
            assertThat(e.getErrorMsg()).contains("verify aksk signature fail");
        }
    }

    @Test
    void sdkBuiltWithARegionLearnsItsDomainFromTheGateway() {
        GlobalCredentials credentials = new GlobalCredentials().withAk(demo().get("BSS_INDIVIDUAL_AK"))
                .withSk(demo().get("BSS_INDIVIDUAL_SK")).withIamEndpoint(settings().endpoint());
        BssClient regional = BssClient.newBuilder().withCredential(credentials)
                .withRegion(new Region("openbss-local", settings().endpoint())).build();
        assertThat(regional.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest())
                .getAccountBalances()).isEqualTo(client("BSS_INDIVIDUAL_").showCustomerAccountBalances(
                        new ShowCustomerAccountBalancesRequest()).getAccountBalances());
        assertThat(credentials.getDomainId()).isEqualTo(demo().get("BSS_INDIVIDUAL_DOMAIN_ID"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        TestPlatform.RESPONSE_HEADERS.clear();
        BssClient master = client("BSS_");
        master.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest());
        master.listCustomerOrders(new ListCustomerOrdersRequest());
        master.listEnterpriseSubCustomers(new ListEnterpriseSubCustomersRequest());
        assertRefused(() -> master.listCustomerOrders(new ListCustomerOrdersRequest().withLimit(0)), 400, "CBC.0100");
        assertRefused(() -> client("BSS_SUB1_").listEnterpriseSubCustomers(new ListEnterpriseSubCustomersRequest()),
                403, "CBC.0151");
        assertThat(TestPlatform.RESPONSE_HEADERS).hasSize(5).allSatisfy(headers -> assertThat(headers.entrySet())
                .anySatisfy(h -> {
                    assertThat(h.getKey()).isEqualToIgnoringCase("X-Request-Id");
                    assertThat(h.getValue().getFirst()).isNotBlank();
                }));
    }

    @Test
    void servicesRefuseRequestsThatBypassTheGateway() throws Exception {
        Map<Integer, String> ownPaths = Map.of(settings().billingPort(), "/v2/accounts/customer-accounts/balances",
                settings().ordersPort(), "/v2/orders/customer-orders",
                settings().enterprisePort(), "/v2/enterprises/multi-accounts/sub-customers");
        for (Map.Entry<Integer, String> service : ownPaths.entrySet()) {
            SignedHttpClient direct = new SignedHttpClient(URI.create("http://127.0.0.1:" + service.getKey()),
                    demo().get("BSS_AK"), demo().get("BSS_SK"), demo().get("BSS_DOMAIN_ID"));
            SignedHttpClient.Response response = direct.send("GET", service.getValue(), null, null);
            assertThat(response.status()).as(service.getValue()).isEqualTo(401);
            assertThat(response.body()).doesNotContain(demo().get("BSS_DOMAIN_ID"));
        }
        SignedHttpClient.Response forged = new SignedHttpClient(URI.create("http://127.0.0.1:" + settings().billingPort()),
                "x", "y", null).send("GET", "/v2/accounts/customer-accounts/balances", null,
                Map.of("Authorization", "Bearer " + ForgedToken.forCustomer(demo().get("BSS_DOMAIN_ID"))), null,
                Instant.now());
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void everyServiceRunsWithTheLaunchersMallocSettings() throws IOException {
        int services = 0;
        for (ServiceProcess process : TestPlatform.services()) {
            List<String> environment = List.of(new String(Files.readAllBytes(Path.of("/proc/" + process.pid()
                    + "/environ")), StandardCharsets.ISO_8859_1).split("\0"));
            ServiceJvm.ENVIRONMENT.forEach((name, value) ->
                    assertThat(environment).as(process.name()).contains(name + "=" + value));
            services++;
        }
        assertThat(services).as("service processes").isGreaterThanOrEqualTo(4);
    }
}
