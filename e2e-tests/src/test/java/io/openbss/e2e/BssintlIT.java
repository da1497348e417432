package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.admin;
import static io.openbss.e2e.TestPlatform.assertRefused;
import static io.openbss.e2e.TestPlatform.client;
import static io.openbss.e2e.TestPlatform.demo;
import static io.openbss.e2e.TestPlatform.domainId;
import static io.openbss.e2e.TestPlatform.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.AutoRenewalResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.AutoRenewalResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.CancelAutoRenewalResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.CancelCustomerOrderReq;
import com.huaweicloud.sdk.bss.v2.model.CancelCustomerOrderRequest;
import com.huaweicloud.sdk.bss.v2.model.CancelResourcesSubscriptionRequest;
import com.huaweicloud.sdk.bss.v2.model.CreateEnterpriseProjectAuthRequest;
import com.huaweicloud.sdk.bss.v2.model.DemandProductInfo;
import com.huaweicloud.sdk.bss.v2.model.GroupBy;
import com.huaweicloud.sdk.bss.v2.model.ListConversionsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCostsReq;
import com.huaweicloud.sdk.bss.v2.model.ListCostsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerselfResourceRecordDetailsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerselfResourceRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListEnterpriseSubCustomersRequest;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourceInfosReq;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourceInfosRequest;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourceUsagesReq;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourceUsagesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourcesUsageRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListMeasureUnitsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListOnDemandResourceRatingsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListOrderDiscountsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListPayPerUseCustomerResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListRateOnPeriodDetailRequest;
import com.huaweicloud.sdk.bss.v2.model.ListRenewRateOnPeriodReq;
import com.huaweicloud.sdk.bss.v2.model.ListRenewRateOnPeriodRequest;
import com.huaweicloud.sdk.bss.v2.model.ListResourceTypesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListServiceResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListServiceTypesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListSubCustomerCouponsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListUsageTypesRequest;
import com.huaweicloud.sdk.bss.v2.model.PayCustomerOrderV3Req;
import com.huaweicloud.sdk.bss.v2.model.PayOrdersRequest;
import com.huaweicloud.sdk.bss.v2.model.PeriodProductInfo;
import com.huaweicloud.sdk.bss.v2.model.PeriodToOnDemandReq;
import com.huaweicloud.sdk.bss.v2.model.QueryResRecordsDetailReq;
import com.huaweicloud.sdk.bss.v2.model.QueryResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.RateOnDemandReq;
import com.huaweicloud.sdk.bss.v2.model.RateOnPeriodReq;
import com.huaweicloud.sdk.bss.v2.model.RenewResourceConfigReq;
import com.huaweicloud.sdk.bss.v2.model.RenewalResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.RenewalResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.SetResourcesRenewConfigRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerMonthlySumRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerOrderDetailsRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowRefundOrderDetailsRequest;
import com.huaweicloud.sdk.bss.v2.model.TimeCondition;
import com.huaweicloud.sdk.bss.v2.model.TransferEnterpriseMultiAccountReq;
import com.huaweicloud.sdk.bss.v2.model.UnsubscribeResourcesReq;
import com.huaweicloud.sdk.bss.v2.model.UpdatePeriodToOnDemandRequest;
import com.huaweicloud.sdk.bss.v2.model.UpdateSubEnterpriseAmountRequest;
import com.huaweicloud.sdk.bssintl.v2.BssintlClient;
import com.huaweicloud.sdk.bssintl.v2.model.ShowCustomerExpenditureQuotaRequest;
import com.huaweicloud.sdk.bssintl.v2.model.ShowCustomerExpenditureQuotaResponse;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.utils.JsonUtils;
import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The international SDK's {@code BssintlClient} on the 34 operations it shares with the platform
 * ({@link BssintlOperationsTest}). Each call is the one the Chinese-site SDK makes in the other end-to-end tests,
 * built with {@code BssClient}'s model and carried over to the international model by its wire names: where a view
 * has a twin, both clients' answers must say the same thing on every field both models know, and say something.
 * State-changing calls are made with {@code BssintlClient} only and their effect is read back with {@code BssClient}.
 * ShowCustomerExpenditureQuota, which the Chinese-site SDK lacks, is checked against the balances it derives from.
 */
@ExtendWith(TestPlatform.class)
class BssintlIT {

    static final String MASTER = "BSS_";
    static final String INDIVIDUAL = "BSS_INDIVIDUAL_";
    static final ObjectMapper SDK_JSON = JsonUtils.getDefaultMapper();
    static final LocalDate TODAY = BssTime.businessDate(Instant.now());
    static final String LAST_MONTH = YearMonth.from(TODAY).minusMonths(1).toString();

    @Test
    void accountViewsSayWhatTheChineseSiteSdkSays() {
        for (String account : List.of(MASTER, INDIVIDUAL)) {
            BssClient bss = client(account);
            BssintlClient intl = intl(account);
            var balances = intl.showCustomerAccountBalances(twin(new ShowCustomerAccountBalancesRequest()));
            assertThat(balances.getAccountBalances()).isNotEmpty();
            same(bss.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest()), balances);

            ShowCustomerMonthlySumRequest sum = new ShowCustomerMonthlySumRequest().withBillCycle(LAST_MONTH)
                    .withLimit(1000);
            var monthly = intl.showCustomerMonthlySum(twin(sum));
            assertThat(monthly.getConsumeAmount()).as(account).isPositive();
            same(bss.showCustomerMonthlySum(sum), monthly);

            ListCostsRequest costs = new ListCostsRequest().withBody(new ListCostsReq()
                    .withTimeCondition(new TimeCondition().withTimeMeasureId(2).withBeginTime(LAST_MONTH)
                            .withEndTime(LAST_MONTH))
                    .withGroupby(List.of(new GroupBy().withType("dimension").withKey("CLOUD_SERVICE_TYPE"))));
            var analysed = intl.listCosts(twin(costs));
            assertThat(analysed.getCostData()).isNotEmpty();
            same(bss.listCosts(costs), analysed);

            ListCustomerselfResourceRecordsRequest records = new ListCustomerselfResourceRecordsRequest()
                    .withCycle(LAST_MONTH).withStatisticType(1).withMethod("oneself").withLimit(1000);
            var perMonth = intl.listCustomerselfResourceRecords(twin(records));
            assertThat(perMonth.getFeeRecords()).isNotEmpty().hasSize(perMonth.getTotalCount());
            same(bss.listCustomerselfResourceRecords(records), perMonth);

            ListCustomerselfResourceRecordDetailsRequest details = new ListCustomerselfResourceRecordDetailsRequest()
                    .withBody(new QueryResRecordsDetailReq().withCycle(LAST_MONTH).withMethod("oneself")
                            .withLimit(1000));
            var detailed = intl.listCustomerselfResourceRecordDetails(twin(details));
            assertThat(detailed.getMonthlyRecords()).isNotEmpty();
            same(bss.listCustomerselfResourceRecordDetails(details), detailed);

            ListSubCustomerCouponsRequest coupons = new ListSubCustomerCouponsRequest();
            same(bss.listSubCustomerCoupons(coupons), intl.listSubCustomerCoupons(twin(coupons)));
        }
    }

    @Test
    void theEnterpriseAndItsResourcePackagesSayWhatTheChineseSiteSdkSays() {
        BssClient bss = client(MASTER);
        BssintlClient intl = intl(MASTER);
        var coupons = intl.listSubCustomerCoupons(twin(new ListSubCustomerCouponsRequest()));
        assertThat(coupons.getUserCoupons()).isNotEmpty();

        ListEnterpriseSubCustomersRequest subs = new ListEnterpriseSubCustomersRequest();
        var subCustomers = intl.listEnterpriseSubCustomers(twin(subs));
        assertThat(subCustomers.getSubCustomerInfos()).extracting(s -> s.getId())
                .contains(domainId("BSS_SUB1_"), domainId("BSS_SUB2_"));
        same(bss.listEnterpriseSubCustomers(subs), subCustomers);
        intl.createEnterpriseProjectAuth(twin(new CreateEnterpriseProjectAuthRequest()));

        ListFreeResourceInfosRequest packages = new ListFreeResourceInfosRequest()
                .withBody(new ListFreeResourceInfosReq());
        var infos = intl.listFreeResourceInfos(twin(packages));
        assertThat(infos.getFreeResourcePackages()).isNotEmpty();
        same(bss.listFreeResourceInfos(packages), infos);
        String quota = infos.getFreeResourcePackages().stream().filter(p -> p.getQuotaReuseMode() == 1).findFirst()
                .orElseThrow().getFreeResources().getFirst().getFreeResourceId();

        ListFreeResourceUsagesRequest usages = new ListFreeResourceUsagesRequest()
                .withBody(new ListFreeResourceUsagesReq().withFreeResourceIds(List.of(quota)));
        var left = intl.listFreeResourceUsages(twin(usages));
        assertThat(left.getFreeResources()).singleElement()
                .satisfies(r -> assertThat(r.getFreeResourceId()).isEqualTo(quota));
        same(bss.listFreeResourceUsages(usages), left);

        ListFreeResourcesUsageRecordsRequest used = new ListFreeResourcesUsageRecordsRequest()
                .withFreeResourceId(quota).withDeductTimeBegin(TODAY.minusDays(60).toString())
                .withDeductTimeEnd(TODAY.toString()).withLimit(1000);
        var usageRecords = intl.listFreeResourcesUsageRecords(twin(used));
        assertThat(usageRecords.getFreeResourceRecords()).isNotEmpty();
        same(bss.listFreeResourcesUsageRecords(used), usageRecords);
    }

    @Test
    void theCatalogAndPricesSayWhatTheChineseSiteSdkSays() {
        BssClient bss = client(MASTER);
        BssintlClient intl = intl(MASTER);
        ListServiceTypesRequest serviceTypes = new ListServiceTypesRequest().withLimit(100).withXLanguage("en_US");
        var types = intl.listServiceTypes(twin(serviceTypes));
        assertThat(types.getServiceTypes()).extracting(t -> t.getServiceTypeCode()).contains("hws.service.type.ec2");
        same(bss.listServiceTypes(serviceTypes), types);
        ListResourceTypesRequest resourceTypes = new ListResourceTypesRequest().withLimit(100);
        var resources = intl.listResourceTypes(twin(resourceTypes));
        assertThat(resources.getResourceTypes()).hasSizeGreaterThanOrEqualTo(10);
        same(bss.listResourceTypes(resourceTypes), resources);
        ListServiceResourcesRequest serviceResources = new ListServiceResourcesRequest()
                .withServiceTypeCode("hws.service.type.ec2");
        var ec2 = intl.listServiceResources(twin(serviceResources));
        assertThat(ec2.getInfos()).isNotEmpty();
        same(bss.listServiceResources(serviceResources), ec2);
        ListUsageTypesRequest usageTypes = new ListUsageTypesRequest().withResourceTypeCode("hws.resource.type.obs");
        var obs = intl.listUsageTypes(twin(usageTypes));
        assertThat(obs.getUsageTypes()).extracting(u -> u.getCode()).contains("downflow");
        same(bss.listUsageTypes(usageTypes), obs);
        var units = intl.listMeasureUnits(twin(new ListMeasureUnitsRequest()));
        assertThat(units.getMeasureUnits()).anySatisfy(u -> assertThat(u.getMeasureId()).isEqualTo(10));
        same(bss.listMeasureUnits(new ListMeasureUnitsRequest()), units);
        ListConversionsRequest conversions = new ListConversionsRequest().withMeasureType(2);
        var converted = intl.listConversions(twin(conversions));
        assertThat(converted.getConversions()).isNotEmpty();
        same(bss.listConversions(conversions), converted);

        ListOnDemandResourceRatingsRequest onDemand = new ListOnDemandResourceRatingsRequest().withBody(
                new RateOnDemandReq().withProjectId("demo").withProductInfos(List.of(new DemandProductInfo()
                        .withId("1").withCloudServiceType("hws.service.type.ec2")
                        .withResourceType("hws.resource.type.vm").withResourceSpec("s6.large.2.linux")
                        .withRegion("cn-north-4").withUsageFactor("Duration").withUsageValue(BigDecimal.ONE)
                        .withUsageMeasureId(4).withSubscriptionNum(1))));
        var rated = intl.listOnDemandResourceRatings(twin(onDemand));
        assertThat(rated.getAmount()).isPositive().isLessThan(rated.getOfficialWebsiteAmount());
        same(bss.listOnDemandResourceRatings(onDemand), rated);
        ListRateOnPeriodDetailRequest period = new ListRateOnPeriodDetailRequest().withBody(new RateOnPeriodReq()
                .withProjectId("demo").withProductInfos(List.of(new PeriodProductInfo().withId("1")
                        .withCloudServiceType("hws.service.type.ec2").withResourceType("hws.resource.type.vm")
                        .withResourceSpec("s6.large.2.linux").withRegion("cn-north-4").withPeriodType(2)
                        .withPeriodNum(3).withSubscriptionNum(1))));
        var periodRated = intl.listRateOnPeriodDetail(twin(period));
        assertThat(periodRated.getOfficialWebsiteRatingResult().getOfficialWebsiteAmount()).isPositive();
        same(bss.listRateOnPeriodDetail(period), periodRated);
    }

    /** A customer's whole order life with the international SDK; BssClient reads back what each step did. */
    @Test
    void ordersArePaidRenewedConvertedAndUnsubscribedWithTheInternationalSdk() {
        TestPlatform.Customer buyer = TestPlatform.newIndividual("100000.00");
        BssClient bss = buyer.client();
        BssintlClient intl = intl(buyer);
        JsonNode order = OrdersIT.purchase(buyer);
        String orderId = order.path("order_id").asText();
        String server = order.path("resource_ids").get(0).asText();

        ListCustomerOrdersRequest orders = new ListCustomerOrdersRequest();
        var listed = intl.listCustomerOrders(twin(orders));
        assertThat(listed.getOrderInfos()).extracting(o -> o.getOrderId()).containsExactly(orderId);
        same(bss.listCustomerOrders(orders), listed);
        ShowCustomerOrderDetailsRequest details = new ShowCustomerOrderDetailsRequest().withOrderId(orderId);
        var shown = intl.showCustomerOrderDetails(twin(details));
        assertThat(shown.getOrderLineItems()).extracting(l -> l.getServiceTypeCode())
                .containsExactly("hws.service.type.ec2", "hws.service.type.ebs");
        same(bss.showCustomerOrderDetails(details), shown);
        ListOrderDiscountsRequest discounts = new ListOrderDiscountsRequest().withOrderId(orderId);
        var offered = intl.listOrderDiscounts(twin(discounts));
        assertThat(offered.getDiscounts()).isEmpty(); // an individual at list price
        same(bss.listOrderDiscounts(discounts), offered);

        BigDecimal before = cash(bss);
        intl.payOrders(twin(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req().withOrderId(orderId)
                .withUseCoupon("NO").withUseDiscount("NO"))));
        assertThat(cash(bss)).isEqualByComparingTo(before.subtract(new BigDecimal(order.path("official_amount")
                .asText())));
        assertThat(bss.showCustomerOrderDetails(details).getOrderInfo().getStatus()).isEqualTo(5);

        ListPayPerUseCustomerResourcesRequest bought = new ListPayPerUseCustomerResourcesRequest()
                .withBody(new QueryResourcesReq().withOrderId(orderId));
        var resources = intl.listPayPerUseCustomerResources(twin(bought));
        assertThat(resources.getData()).extracting(r -> r.getResourceId())
                .containsExactlyInAnyOrder(server, order.path("resource_ids").get(1).asText());
        same(bss.listPayPerUseCustomerResources(bought), resources);

        ListRenewRateOnPeriodRequest renewRate = new ListRenewRateOnPeriodRequest().withBody(
                new ListRenewRateOnPeriodReq().withResourceIds(List.of(server)).withPeriodType(2).withPeriodNum(1)
                        .withIncludeRelativeResources(true));
        var rate = intl.listRenewRateOnPeriod(twin(renewRate));
        assertThat(rate.getRenewInquiryResults()).singleElement()
                .satisfies(r -> assertThat(new BigDecimal(r.getAmount())).isPositive());
        same(bss.listRenewRateOnPeriod(renewRate), rate);

        String expiry = resource(bss, server).getExpireTime();
        var renewed = intl.renewalResources(twin(new RenewalResourcesRequest().withBody(new RenewalResourcesReq()
                .withResourceIds(List.of(server)).withPeriodType(2).withPeriodNum(1).withIsAutoPay(1))));
        assertThat(renewed.getOrderIds()).singleElement().satisfies(id -> assertThat(bss.listCustomerOrders(
                new ListCustomerOrdersRequest().withOrderId(id)).getOrderInfos()).hasSize(1));
        assertThat(resource(bss, server).getExpireTime()).isGreaterThan(expiry);

        intl.autoRenewalResources(twin(new AutoRenewalResourcesRequest().withResourceId(server)
                .withBody(new AutoRenewalResourcesReq().withAutoRenewTimes(3))));
        assertThat(resource(bss, server).getExpirePolicy()).isEqualTo(3);
        intl.cancelAutoRenewalResources(twin(new CancelAutoRenewalResourcesRequest().withResourceId(server)));
        assertThat(resource(bss, server).getExpirePolicy()).isZero();
        intl.setResourcesRenewConfig(twin(new SetResourcesRenewConfigRequest().withBody(new RenewResourceConfigReq()
                .withConfigName(RenewResourceConfigReq.ConfigNameEnum.DEDUCTION_DATE).withConfigValue("5"))));
        intl.updatePeriodToOnDemand(twin(new UpdatePeriodToOnDemandRequest().withBody(new PeriodToOnDemandReq()
                .withOperation("SET_UP").withResourceIds(List.of(server)))));
        assertThat(resource(bss, server).getExpirePolicy()).isEqualTo(1);
        intl.updatePeriodToOnDemand(twin(new UpdatePeriodToOnDemandRequest().withBody(new PeriodToOnDemandReq()
                .withOperation("CANCEL").withResourceIds(List.of(server)))));
        assertThat(resource(bss, server).getExpirePolicy()).isZero();

        BigDecimal beforeRefund = cash(bss);
        var unsubscribed = intl.cancelResourcesSubscription(twin(new CancelResourcesSubscriptionRequest()
                .withBody(new UnsubscribeResourcesReq().withResourceIds(List.of(server)).withUnsubscribeType(1)
                        .withUnsubscribeReasonType(5).withUnsubscribeReason("bssintl end-to-end test"))));
        assertThat(unsubscribed.getOrderIds()).isNotEmpty();
        BigDecimal refunded = BigDecimal.ZERO;
        for (String refundOrder : unsubscribed.getOrderIds()) {
            ShowRefundOrderDetailsRequest refund = new ShowRefundOrderDetailsRequest().withOrderId(refundOrder);
            var refundInfo = intl.showRefundOrderDetails(twin(refund));
            assertThat(refundInfo.getRefundInfos()).isNotEmpty();
            same(bss.showRefundOrderDetails(refund), refundInfo);
            refunded = refunded.add(refundInfo.getRefundInfos().stream().map(r -> r.getAmount().negate())
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertThat(refunded).isPositive();
        assertThat(cash(bss)).isEqualByComparingTo(beforeRefund.add(refunded));

        String pending = OrdersIT.purchase(buyer).path("order_id").asText();
        intl.cancelCustomerOrder(twin(new CancelCustomerOrderRequest().withBody(new CancelCustomerOrderReq()
                .withOrderId(pending))));
        assertThat(bss.showCustomerOrderDetails(new ShowCustomerOrderDetailsRequest().withOrderId(pending))
                .getOrderInfo().getStatus()).isEqualTo(4);
    }

    /**
     * The expenditure quota is the credit line: what the operator granted or the master allocated, and the part that
     * charges took, as ShowCustomerAccountBalances shows the same credit account. It answers whom the balances answer.
     */
    @Test
    void theExpenditureQuotaIsTheCreditLineGrantedAndUsed() {
        TestPlatform.Customer[] enterprise = TestPlatform.newEnterprise("100.00", "500.00");
        TestPlatform.Customer master = enterprise[0];
        TestPlatform.Customer sub = enterprise[1];
        assertQuota(intl(sub), "0.00", "0.00", "0.00");
        assertQuota(intl(master), "500.00", "0.00", "0.00");

        master.client().updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest().withBody(
                new TransferEnterpriseMultiAccountReq().withCustomerId(sub.id()).withAmount("200.00")
                        .withTransId(UUID.randomUUID().toString()).withBalanceType("BALANCE_TYPE_CREDIT")));
        assertQuota(intl(master), "300.00", "0.00", "0.00");
        assertQuota(intl(sub), "200.00", "0.00", "0.00");

        // the sub-account has no cash: its credit pays the order
        JsonNode order = OrdersIT.purchase(sub);
        sub.client().payOrders(new PayOrdersRequest().withBody(new PayCustomerOrderV3Req()
                .withOrderId(order.path("order_id").asText()).withUseCoupon("NO").withUseDiscount("NO")));
        BigDecimal paid = new BigDecimal(order.path("official_amount").asText());
        ShowCustomerExpenditureQuotaResponse quota = intl(sub).showCustomerExpenditureQuota(
                new ShowCustomerExpenditureQuotaRequest());
        assertThat(quota.getGrantingAmountUsed()).isPositive().isEqualByComparingTo(paid);
        assertThat(quota.getPercentageGrantingAmountUsed())
                .isEqualByComparingTo(paid.divide(new BigDecimal("200.00"), 2, RoundingMode.HALF_UP));
        var credit = sub.client().showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest())
                .getAccountBalances().stream().filter(b -> b.getAccountType() == 2).findFirst().orElseThrow();
        assertThat(quota.getGrantingAmount()).isEqualByComparingTo(credit.getCreditAmount());
        assertThat(quota.getGrantingAmountUsed())
                .isEqualByComparingTo(credit.getCreditAmount().subtract(credit.getAmount()));
        assertThat(quota.getMeasureId()).isEqualTo(1);
        assertThat(quota.getCurrency()).isEqualTo("CNY");

        // a partner is refused as for the balances; IAM users' policies apply as they do to the balances
        TestPlatform.Customer partner = account("partner");
        assertRefusedLikeTheBalances(partner, 403, "CBC.0151");
        String user = admin().expect("POST", "/admin/v1/domains/" + master.id() + "/users",
                Map.of("name", "quota" + master.id().substring(0, 8))).path("user_id").asText();
        JsonNode key = admin().expect("POST", "/admin/v1/domains/" + master.id() + "/access-keys",
                Map.of("user_id", user));
        TestPlatform.Customer viewer = new TestPlatform.Customer(master.id(), key.path("access_key").asText(),
                key.path("secret_key").asText());
        assertRefusedLikeTheBalances(viewer, 403, "APIG.0302");
        policies(user, Map.of("role", "bss_readonly"));
        assertThat(intl(viewer).showCustomerExpenditureQuota(new ShowCustomerExpenditureQuotaRequest())
                .getGrantingAmount()).isEqualByComparingTo("300.00");
        policies(user, Map.of("role", "bss_finance", "cloud_service_types", List.of("hws.service.type.ec2")));
        assertRefusedLikeTheBalances(viewer, 403, "CBC.0151");
    }

    private static void assertQuota(BssintlClient client, String granted, String used, String share) {
        ShowCustomerExpenditureQuotaResponse quota = client.showCustomerExpenditureQuota(
                new ShowCustomerExpenditureQuotaRequest());
        assertThat(quota.getGrantingAmount()).as("granting_amount").isEqualByComparingTo(granted);
        assertThat(quota.getGrantingAmountUsed()).as("granting_amount_used").isEqualByComparingTo(used);
        assertThat(quota.getPercentageGrantingAmountUsed()).as("percentage_granting_amount_used")
                .isEqualByComparingTo(share);
    }

    private static void assertRefusedLikeTheBalances(TestPlatform.Customer caller, int status, String code) {
        assertRefused(() -> intl(caller).showCustomerExpenditureQuota(new ShowCustomerExpenditureQuotaRequest()),
                status, code);
        assertRefused(() -> caller.client().showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest()),
                status, code);
    }

    private static TestPlatform.Customer account(String kind) {
        String name = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String id = admin().expect("POST", "/admin/v1/domains", Map.of("name", name, "kind", kind))
                .path("domain_id").asText();
        JsonNode key = admin().expect("POST", "/admin/v1/domains/" + id + "/access-keys", Map.of());
        return new TestPlatform.Customer(id, key.path("access_key").asText(), key.path("secret_key").asText());
    }

    private static void policies(String userId, Map<String, Object> policy) {
        admin().expect("PUT", "/admin/v1/users/" + userId + "/policies", Map.of("policies", List.of(policy)));
    }

    static BssintlClient intl(String prefix) {
        return intl(demo().get(prefix + "AK"), demo().get(prefix + "SK"), domainId(prefix));
    }

    static BssintlClient intl(TestPlatform.Customer customer) {
        return intl(customer.accessKey(), customer.secretKey(), customer.id());
    }

    static BssintlClient intl(String ak, String sk, String domainId) {
        return BssintlClient.newBuilder()
                .withCredential(new GlobalCredentials().withAk(ak).withSk(sk).withDomainId(domainId))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(30))
                .withEndpoints(List.of(settings().endpoint())).build();
    }

    /**
     * The international SDK's request of the same name as a Chinese-site SDK request, carried over by wire names;
     * fails when any part of it has no place in the international model.
     */
    @SuppressWarnings("unchecked")
    static <T> T twin(Object request) {
        try {
            Class<?> type = Class.forName("com.huaweicloud.sdk.bssintl.v2.model."
                    + request.getClass().getSimpleName());
            Object converted = SDK_JSON.convertValue(request, type);
            JsonNode sent = SDK_JSON.valueToTree(request);
            JsonNode carried = SDK_JSON.valueToTree(converted);
            assertThat(carried).as("%s carried over", type.getSimpleName()).isEqualTo(sent);
            return (T) converted;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no international twin of " + request.getClass(), e);
        }
    }

    /**
     * Both SDKs' answers agree on every field both models have (the wire names, recursively), and those fields hold
     * something: the international model reads our answer as the Chinese-site model does.
     */
    static void same(Object bssAnswer, Object intlAnswer) {
        List<String> differences = new ArrayList<>();
        int compared = compare("", SDK_JSON.valueToTree(bssAnswer), SDK_JSON.valueToTree(intlAnswer), differences);
        assertThat(differences).as(intlAnswer.getClass().getSimpleName()).isEmpty();
        assertThat(compared).as("values compared in %s", intlAnswer.getClass().getSimpleName()).isPositive();
    }

    private static int compare(String path, JsonNode bss, JsonNode intl, List<String> differences) {
        if (bss.isObject() && intl.isObject()) {
            int compared = 0;
            for (Iterator<String> names = bss.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (intl.has(name) && !(path.isEmpty() && name.equals("httpStatusCode"))) {
                    compared += compare(path + "." + name, bss.get(name), intl.get(name), differences);
                }
            }
            return compared;
        }
        if (bss.isArray() && intl.isArray()) {
            if (bss.size() != intl.size()) {
                differences.add(path + ": " + bss.size() + " elements, intl " + intl.size());
                return 0;
            }
            int compared = 1; // the length of a list is one of the values compared
            for (int i = 0; i < bss.size(); i++) {
                compared += compare(path + "[" + i + "]", bss.get(i), intl.get(i), differences);
            }
            return compared;
        }
        BigDecimal bssNumber = number(bss);
        BigDecimal intlNumber = number(intl);
        boolean equal = bssNumber != null && intlNumber != null ? bssNumber.compareTo(intlNumber) == 0
                : bss.asText().equals(intl.asText());
        if (!equal) {
            differences.add(path + ": " + bss + ", intl " + intl);
        }
        return bss.isNull() ? 0 : 1;
    }

    /** A number, or a text that is one (one model may read as a string what the other reads as a number). */
    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return value.isTextual() ? new BigDecimal(value.asText()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal cash(BssClient client) {
        return client.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest()).getAccountBalances()
                .stream().filter(b -> b.getAccountType() == 1).findFirst().orElseThrow().getAmount();
    }

    private static com.huaweicloud.sdk.bss.v2.model.OrderInstanceV2 resource(BssClient client, String resourceId) {
        return client.listPayPerUseCustomerResources(new ListPayPerUseCustomerResourcesRequest()
                        .withBody(new QueryResourcesReq().withResourceIds(List.of(resourceId)).withOnlyMainResource(1)))
                .getData().getFirst();
    }
}
