package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.assertBadParameter;
import static io.openbss.e2e.TestPlatform.assertRefused;
import static io.openbss.e2e.TestPlatform.client;
import static io.openbss.e2e.TestPlatform.domainId;
import static io.openbss.e2e.TestPlatform.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.AccountBalanceV3;
import com.huaweicloud.sdk.bss.v2.model.BillSumRecordInfoV2;
import com.huaweicloud.sdk.bss.v2.model.Cost;
import com.huaweicloud.sdk.bss.v2.model.CostDataByDimension;
import com.huaweicloud.sdk.bss.v2.model.CustomerAccountChangeRecord;
import com.huaweicloud.sdk.bss.v2.model.DemandProductInfo;
import com.huaweicloud.sdk.bss.v2.model.FreeResourcePackageV3;
import com.huaweicloud.sdk.bss.v2.model.FreeResourceRecord;
import com.huaweicloud.sdk.bss.v2.model.GroupBy;
import com.huaweicloud.sdk.bss.v2.model.IQueryUserCouponsResultV2;
import com.huaweicloud.sdk.bss.v2.model.ListConversionsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCostsReq;
import com.huaweicloud.sdk.bss.v2.model.ListCostsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCostsResponse;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerAccountChangeRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerAccountChangeRecordsResponse;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerBillsFeeRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerBillsFeeRecordsResponse;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerBillsMonthlyBreakDownRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerBillsMonthlyBreakDownResponse;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerselfResourceRecordDetailsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerselfResourceRecordDetailsResponse;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerselfResourceRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerselfResourceRecordsResponse;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourceInfosReq;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourceInfosRequest;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourceUsagesReq;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourceUsagesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListFreeResourcesUsageRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListMeasureUnitsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListOnDemandResourceRatingsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListOnDemandResourceRatingsResponse;
import com.huaweicloud.sdk.bss.v2.model.ListRateOnPeriodDetailRequest;
import com.huaweicloud.sdk.bss.v2.model.ListRateOnPeriodDetailResponse;
import com.huaweicloud.sdk.bss.v2.model.ListResourceTypesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListResourceUsageRequest;
import com.huaweicloud.sdk.bss.v2.model.ListResourceUsageResponse;
import com.huaweicloud.sdk.bss.v2.model.ListResourceUsageSummaryRequest;
import com.huaweicloud.sdk.bss.v2.model.ListResourceUsageSummaryResponse;
import com.huaweicloud.sdk.bss.v2.model.ListServiceResourcesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListServiceTypesRequest;
import com.huaweicloud.sdk.bss.v2.model.ListServiceTypesResponse;
import com.huaweicloud.sdk.bss.v2.model.ListStoredValueCardsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListSubCustomerCouponsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListUsageTypesRequest;
import com.huaweicloud.sdk.bss.v2.model.MonthlyBillRecord;
import com.huaweicloud.sdk.bss.v2.model.MonthlyBillRes;
import com.huaweicloud.sdk.bss.v2.model.NvlCostAnalysedBillDetail;
import com.huaweicloud.sdk.bss.v2.model.PeriodProductInfo;
import com.huaweicloud.sdk.bss.v2.model.QueryResRecordsDetailReq;
import com.huaweicloud.sdk.bss.v2.model.RateOnDemandReq;
import com.huaweicloud.sdk.bss.v2.model.RateOnPeriodReq;
import com.huaweicloud.sdk.bss.v2.model.ResFeeRecordV2;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerAccountBalancesRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerMonthlySumRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowCustomerMonthlySumResponse;
import com.huaweicloud.sdk.bss.v2.model.StatUsageInfo;
import com.huaweicloud.sdk.bss.v2.model.TimeCondition;
import com.huaweicloud.sdk.bss.v2.model.UserStoredValueCard;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.common.time.BssTime;
import io.openbss.launcher.DemoData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every billing-service operation through the gateway with the official SDK (the three the SDK lacks with SDK-signed
 * requests), on the demo data: months of usage rated into bills, purchases, coupons, a card and resource packages.
 * The views are checked against each other, and each with the bad input it must refuse.
 */
@ExtendWith(TestPlatform.class)
class BillingIT {

    static final String MASTER = "BSS_";
    static final String SUB1 = "BSS_SUB1_";
    static final String INDIVIDUAL = "BSS_INDIVIDUAL_";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The demo's usage history covers the whole of last month. */
    static final LocalDate TODAY = BssTime.businessDate(Instant.now());
    static final String LAST_MONTH = YearMonth.from(TODAY).minusMonths(1).toString();

    @Test
    void accountChangeRecordsChainFromTheRechargeToTheBalance() throws Exception {
        BssClient master = client(MASTER);
        ListCustomerAccountChangeRecordsResponse recharges = master.listCustomerAccountChangeRecords(
                new ListCustomerAccountChangeRecordsRequest().withBalanceType("BALANCE_TYPE_DEBIT")
                        .withTradeType("RECHARGE"));
        assertThat(recharges.getRecords()).singleElement().satisfies(r -> {
            assertThat(new BigDecimal(r.getChangeAmount())).isEqualByComparingTo(DemoData.MASTER.recharge());
            assertThat(r.getRevenueExpenseType()).isEqualTo("REVENUE");
            assertThat(r.getPaymentChannelId()).isEqualTo("2");
        });

        List<CustomerAccountChangeRecord> records = master.listCustomerAccountChangeRecords(
                new ListCustomerAccountChangeRecordsRequest().withBalanceType("BALANCE_TYPE_DEBIT").withLimit(100))
                .getRecords();
        assertThat(records).hasSizeGreaterThan(10);
        // newest first: each balance is the one before it plus or minus its change
        for (int i = 0; i + 1 < records.size(); i++) {
            CustomerAccountChangeRecord newer = records.get(i);
            BigDecimal change = new BigDecimal(newer.getChangeAmount());
            BigDecimal signed = newer.getRevenueExpenseType().equals("REVENUE") ? change : change.negate();
            assertThat(new BigDecimal(records.get(i + 1).getBalanceAfterChange()).add(signed))
                    .isEqualByComparingTo(new BigDecimal(newer.getBalanceAfterChange()));
        }
        AccountBalanceV3 cash = master.showCustomerAccountBalances(new ShowCustomerAccountBalancesRequest())
                .getAccountBalances().stream().filter(b -> b.getAccountType() == 1).findFirst().orElseThrow();
        assertThat(new BigDecimal(records.getFirst().getBalanceAfterChange())).isEqualByComparingTo(cash.getAmount());

        assertRawBadParameter(MASTER, "/v2/accounts/customer-accounts/account-change-records", "limit=5",
                "balance_type");
        assertBadParameter(() -> master.listCustomerAccountChangeRecords(new ListCustomerAccountChangeRecordsRequest()
                .withBalanceType("BALANCE_TYPE_DEBIT").withLimit(101)), "limit");
        assertBadParameter(() -> master.listCustomerAccountChangeRecords(new ListCustomerAccountChangeRecordsRequest()
                .withBalanceType("BALANCE_TYPE_DEBIT").withTradeTimeBegin("2026/01/01")), "trade_time_begin");
        assertBadParameter(() -> master.listCustomerAccountChangeRecords(new ListCustomerAccountChangeRecordsRequest()
                .withBalanceType("BALANCE_TYPE_DEBIT").withTradeType("GIFT")), "trade_type");
    }

    @Test
    void theMonthlySumIsTheSumOfItsRecordsForEveryAccount() {
        for (String account : List.of(MASTER, SUB1, "BSS_SUB2_", INDIVIDUAL)) {
            BssClient client = client(account);
            ShowCustomerMonthlySumResponse sum = client.showCustomerMonthlySum(new ShowCustomerMonthlySumRequest()
                    .withBillCycle(LAST_MONTH).withLimit(1000));
            assertThat(sum.getConsumeAmount()).as(account).isPositive().isEqualByComparingTo(
                    total(sum.getBillSums(), BillSumRecordInfoV2::getConsumeAmount));
            List<MonthlyBillRecord> records = feeRecords(client, new ListCustomerBillsFeeRecordsRequest()
                    .withBillCycle(LAST_MONTH));
            assertThat(total(records, MonthlyBillRecord::getConsumeAmount)).as(account)
                    .isEqualByComparingTo(sum.getConsumeAmount());
            assertThat(total(records, MonthlyBillRecord::getCashAmount)
                    .add(total(records, MonthlyBillRecord::getCreditAmount))
                    .add(total(records, MonthlyBillRecord::getStoredValueCardAmount))
                    .add(total(records, MonthlyBillRecord::getCouponAmount))
                    .add(total(records, MonthlyBillRecord::getDebtAmount))).as(account)
                    .isEqualByComparingTo(sum.getConsumeAmount());
        }
    }

    @Test
    void aMasterSeesItsSubAccountsAndNobodySeesAnotherCustomer() {
        ShowCustomerMonthlySumResponse all = client(MASTER).showCustomerMonthlySum(new ShowCustomerMonthlySumRequest()
                .withBillCycle(LAST_MONTH).withLimit(1000));
        assertThat(all.getBillSums()).extracting(BillSumRecordInfoV2::getCustomerId)
                .contains(domainId(MASTER), domainId(SUB1), domainId("BSS_SUB2_"))
                .doesNotContain(domainId(INDIVIDUAL));
        ShowCustomerMonthlySumResponse own = client(MASTER).showCustomerMonthlySum(new ShowCustomerMonthlySumRequest()
                .withBillCycle(LAST_MONTH).withMethod("oneself"));
        assertThat(own.getBillSums()).extracting(BillSumRecordInfoV2::getCustomerId).containsOnly(domainId(MASTER));
        ShowCustomerMonthlySumResponse sub = client(MASTER).showCustomerMonthlySum(new ShowCustomerMonthlySumRequest()
                .withBillCycle(LAST_MONTH).withMethod("sub_customer").withSubCustomerId(domainId(SUB1)));
        assertThat(sub.getBillSums()).extracting(BillSumRecordInfoV2::getCustomerId).containsOnly(domainId(SUB1));
        // the custody sub-account's usage was paid by its master: none of it was cash of the sub-account
        assertThat(feeRecords(client(SUB1), new ListCustomerBillsFeeRecordsRequest().withBillCycle(LAST_MONTH)
                .withChargingMode(3))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getCustomerId()).isEqualTo(domainId(SUB1)));

        assertThat(feeRecords(client(INDIVIDUAL), new ListCustomerBillsFeeRecordsRequest().withBillCycle(LAST_MONTH)))
                .extracting(MonthlyBillRecord::getCustomerId).containsOnly(domainId(INDIVIDUAL));
        assertRefused(() -> client(INDIVIDUAL).showCustomerMonthlySum(new ShowCustomerMonthlySumRequest()
                .withBillCycle(LAST_MONTH).withMethod("sub_customer").withSubCustomerId(domainId(MASTER))), 403,
                "CBC.0150");

        assertBadParameter(() -> client(MASTER).showCustomerMonthlySum(new ShowCustomerMonthlySumRequest()
                .withBillCycle("2026-13")), "bill_cycle");
        assertBadParameter(() -> client(MASTER).showCustomerMonthlySum(new ShowCustomerMonthlySumRequest()
                .withBillCycle(LAST_MONTH).withMethod("everyone")), "method");
        assertBadParameter(() -> client(MASTER).listCustomerBillsFeeRecords(new ListCustomerBillsFeeRecordsRequest()
                .withBillCycle(LAST_MONTH).withLimit(1001)), "limit");
        assertBadParameter(() -> client(MASTER).listCustomerBillsFeeRecords(new ListCustomerBillsFeeRecordsRequest()
                .withBillCycle(LAST_MONTH).withChargingMode(2)), "charging_mode");
        assertBadParameter(() -> client(MASTER).listCustomerBillsFeeRecords(new ListCustomerBillsFeeRecordsRequest()
                .withBillCycle(LAST_MONTH).withBillDateBegin("2020-01-01").withBillDateEnd("2020-01-02")),
                "bill_date_begin");
    }

    @Test
    void resourceRecordsAgreePerLinePerDayAndPerMonth() {
        BssClient master = client(MASTER);
        List<ResFeeRecordV2> perLine = resFeeRecords(master, 3);
        List<ResFeeRecordV2> perMonth = resFeeRecords(master, 1);
        assertThat(perMonth.size()).isLessThan(perLine.size());
        assertThat(total(perMonth, ResFeeRecordV2::getAmount)).isPositive()
                .isEqualByComparingTo(total(perLine, ResFeeRecordV2::getAmount));
        // 24 hours a day, every day of last month, for the web server
        int days = YearMonth.parse(LAST_MONTH).lengthOfMonth();
        assertThat(perMonth.stream().filter(r -> "demo-web-01".equals(r.getResourceId())).findFirst().orElseThrow()
                .getUsage()).isEqualByComparingTo(BigDecimal.valueOf(24L * days));

        YearMonth month = YearMonth.parse(LAST_MONTH);
        ListCustomerselfResourceRecordDetailsResponse daily = master.listCustomerselfResourceRecordDetails(
                new ListCustomerselfResourceRecordDetailsRequest().withBody(details().withStatisticType(2)
                        .withQueryType("DAILY").withBillCycleBegin(month.atDay(1).toString())
                        .withBillCycleEnd(month.atEndOfMonth().toString())));
        assertThat(daily.getMonthlyRecords()).extracting(MonthlyBillRes::getBillDate).hasSize(daily.getTotalCount())
                .allSatisfy(d -> assertThat(d).startsWith(LAST_MONTH));
        assertThat(total(daily.getMonthlyRecords(), MonthlyBillRes::getConsumeAmount))
                .isEqualByComparingTo(total(perLine, ResFeeRecordV2::getAmount));
        ListCustomerselfResourceRecordDetailsResponse monthly = master.listCustomerselfResourceRecordDetails(
                new ListCustomerselfResourceRecordDetailsRequest().withBody(details()));
        assertThat(monthly.getTotalCount()).isEqualTo(perMonth.size());

        assertBadParameter(() -> master.listCustomerselfResourceRecords(new ListCustomerselfResourceRecordsRequest()
                .withCycle(LAST_MONTH).withStatisticType(2)), "statistic_type");
        assertBadParameter(() -> master.listCustomerselfResourceRecords(new ListCustomerselfResourceRecordsRequest()
                .withCycle(LAST_MONTH).withChargeMode("7")), "charge_mode");
        assertBadParameter(() -> master.listCustomerselfResourceRecordDetails(
                new ListCustomerselfResourceRecordDetailsRequest().withBody(details().withQueryType("DAILY"))),
                "query_type");
        assertBadParameter(() -> master.listCustomerselfResourceRecordDetails(
                new ListCustomerselfResourceRecordDetailsRequest().withBody(details().withStatisticType(2)
                        .withQueryType("DAILY").withBillCycleBegin("2020-01-01").withBillCycleEnd("2020-01-02"))),
                "bill_cycle_begin");
        assertBadParameter(() -> master.listCustomerselfResourceRecordDetails(
                new ListCustomerselfResourceRecordDetailsRequest().withBody(details().withCycle("202601"))), "cycle");
    }

    @Test
    void theLegacyResourceRecordsMatchTheCurrentOnes() throws Exception {
        String path = "/v1.0/" + domainId(MASTER) + "/customer/account-mgr/bill/res-records";
        JsonNode legacy = get(MASTER, path, "cycle=" + LAST_MONTH + "&payMethod=1&offset=1&limit=1000");
        List<ResFeeRecordV2> perMonth = client(MASTER).listCustomerselfResourceRecords(
                new ListCustomerselfResourceRecordsRequest().withCycle(LAST_MONTH).withStatisticType(1)
                        .withChargeMode("3").withMethod("oneself").withLimit(1000)).getFeeRecords();
        assertThat(legacy.path("totalCount").asInt()).isEqualTo(perMonth.size());
        BigDecimal legacyTotal = BigDecimal.ZERO;
        for (JsonNode r : legacy.path("monthlyRecords")) {
            legacyTotal = legacyTotal.add(r.path("consumeAmount").decimalValue());
        }
        assertThat(legacyTotal).isEqualByComparingTo(total(perMonth, ResFeeRecordV2::getAmount));
        assertThat(send(MASTER, "GET", path, "cycle=" + LAST_MONTH + "&payMethod=1&offset=0&limit=10", null)
                .status()).isEqualTo(400);
        SignedHttpClient.Response foreign = send(INDIVIDUAL, "GET", path, "cycle=" + LAST_MONTH
                + "&payMethod=1&offset=1&limit=10", null);
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void theYearlyPurchaseIsAmortisedOverItsYear() throws Exception {
        String month = YearMonth.from(TODAY).toString();
        ListCustomerBillsMonthlyBreakDownResponse breakdown = client(MASTER).listCustomerBillsMonthlyBreakDown(
                new ListCustomerBillsMonthlyBreakDownRequest().withSharedMonth(month).withChargingMode(1)
                        .withLimit(1000));
        NvlCostAnalysedBillDetail yearly = breakdown.getDetails().stream()
                .filter(d -> d.getPeriodType() != null && d.getPeriodType() == 19).findFirst().orElseThrow();
        assertThat(yearly.getPastMonthsAmortizedAmount().add(yearly.getCurrentMonthAmortizedAmount())
                .add(yearly.getFutureMonthsAmortizedAmount())).isEqualByComparingTo(yearly.getConsumeAmount());
        assertThat(yearly.getCurrentMonthAmortizedAmount()).isPositive()
                .isLessThan(yearly.getConsumeAmount().divide(BigDecimal.TEN, RoundingMode.HALF_UP));

        assertRawBadParameter(MASTER, "/v2/costs/cost-analysed-bills/monthly-breakdown", "limit=5", "shared_month");
        assertBadParameter(() -> client(MASTER).listCustomerBillsMonthlyBreakDown(
                new ListCustomerBillsMonthlyBreakDownRequest().withSharedMonth(month).withChargingMode(5)),
                "charging_mode");
    }

    @Test
    void costAnalysisGroupsByServiceAndAgreesWithTheBills() {
        ListCostsResponse costs = client(INDIVIDUAL).listCosts(new ListCostsRequest().withBody(new ListCostsReq()
                .withTimeCondition(new TimeCondition().withTimeMeasureId(2).withBeginTime(LAST_MONTH)
                        .withEndTime(LAST_MONTH))
                .withGroupby(List.of(new GroupBy().withType("dimension").withKey("CLOUD_SERVICE_TYPE")))));
        assertThat(costs.getCostData()).extracting(d -> d.getDimensions().getFirst().getValue())
                .containsExactlyInAnyOrder("hws.service.type.ec2", "hws.service.type.obs");
        BigDecimal analysed = BigDecimal.ZERO;
        for (CostDataByDimension d : costs.getCostData()) {
            analysed = analysed.add(new BigDecimal(d.getAmountByCosts()));
            assertThat(d.getCosts()).extracting(Cost::getTimeDimensionValue).containsExactly(LAST_MONTH);
        }
        List<MonthlyBillRecord> records = feeRecords(client(INDIVIDUAL), new ListCustomerBillsFeeRecordsRequest()
                .withBillCycle(LAST_MONTH));
        assertThat(analysed).isEqualByComparingTo(total(records, MonthlyBillRecord::getConsumeAmount));

        ListCostsResponse daily = client(INDIVIDUAL).listCosts(new ListCostsRequest().withBody(new ListCostsReq()
                .withTimeCondition(new TimeCondition().withTimeMeasureId(1)
                        .withBeginTime(YearMonth.parse(LAST_MONTH).atDay(1).toString())
                        .withEndTime(YearMonth.parse(LAST_MONTH).atEndOfMonth().toString()))));
        assertThat(daily.getCostData()).singleElement().satisfies(d -> assertThat(d.getCosts())
                .hasSize(YearMonth.parse(LAST_MONTH).lengthOfMonth()));

        assertBadParameter(() -> client(INDIVIDUAL).listCosts(new ListCostsRequest().withBody(new ListCostsReq()
                .withTimeCondition(new TimeCondition().withTimeMeasureId(3).withBeginTime(LAST_MONTH)
                        .withEndTime(LAST_MONTH)))), "time_measure_id");
        assertBadParameter(() -> client(INDIVIDUAL).listCosts(new ListCostsRequest().withBody(new ListCostsReq()
                .withTimeCondition(new TimeCondition().withTimeMeasureId(2).withBeginTime(LAST_MONTH)
                        .withEndTime(LAST_MONTH))
                .withGroupby(List.of(new GroupBy().withType("dimension").withKey("COLOUR"))))), "groupby");
        assertBadParameter(() -> client(INDIVIDUAL).listCosts(new ListCostsRequest().withBody(new ListCostsReq())),
                "time_condition");
    }

    @Test
    void resourcePackagesShowWhatIsLeftAndWhatUsedIt() {
        BssClient master = client(MASTER);
        List<FreeResourcePackageV3> packages = master.listFreeResourceInfos(new ListFreeResourceInfosRequest()
                .withBody(new ListFreeResourceInfosReq())).getFreeResourcePackages();
        FreeResourcePackageV3 monthly = packages.stream().filter(p -> p.getQuotaReuseMode() == 1).findFirst()
                .orElseThrow();
        String quota = monthly.getFreeResources().getFirst().getFreeResourceId();
        BigDecimal original = new BigDecimal(monthly.getFreeResources().getFirst().getOriginalAmount());
        BigDecimal left = master.listFreeResourceUsages(new ListFreeResourceUsagesRequest().withBody(
                new ListFreeResourceUsagesReq().withFreeResourceIds(List.of(quota)))).getFreeResources().getFirst()
                .getAmount();
        assertThat(new BigDecimal(monthly.getFreeResources().getFirst().getAmount())).isEqualByComparingTo(left);

        // what this month's records used is what is no longer left
        LocalDate firstOfMonth = TODAY.withDayOfMonth(1);
        BigDecimal used = BigDecimal.ZERO;
        if (TODAY.getDayOfMonth() > 1) {
            List<FreeResourceRecord> records = master.listFreeResourcesUsageRecords(
                    new ListFreeResourcesUsageRecordsRequest().withFreeResourceId(quota)
                            .withDeductTimeBegin(firstOfMonth.toString()).withDeductTimeEnd(TODAY.toString())
                            .withLimit(1000)).getFreeResourceRecords();
            assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r.getResourceId()).isEqualTo("demo-assets"));
            used = records.stream().map(r -> new BigDecimal(r.getUsedAmount())).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
        }
        assertThat(original.subtract(used)).isEqualByComparingTo(left);

        assertBadParameter(() -> master.listFreeResourceUsages(new ListFreeResourceUsagesRequest().withBody(
                new ListFreeResourceUsagesReq().withFreeResourceIds(List.of()))), "free_resource_ids");
        assertBadParameter(() -> master.listFreeResourceInfos(new ListFreeResourceInfosRequest()
                .withBody(new ListFreeResourceInfosReq().withStatus(9))), "status");
        assertBadParameter(() -> master.listFreeResourcesUsageRecords(new ListFreeResourcesUsageRecordsRequest()
                .withDeductTimeBegin(TODAY.minusDays(120).toString()).withDeductTimeEnd(TODAY.toString())),
                "deduct_time_end");
        assertThat(client(INDIVIDUAL).listFreeResourceUsages(new ListFreeResourceUsagesRequest().withBody(
                new ListFreeResourceUsagesReq().withFreeResourceIds(List.of(quota)))).getFreeResources()).isEmpty();
    }

    @Test
    void bandwidthUsageIsSummarisedOnItsNinetyFifthPercentile() throws Exception {
        String month = YearMonth.from(TODAY.minusDays(1)).toString();
        long days = TODAY.minusDays(3).datesUntil(TODAY).filter(d -> YearMonth.from(d).toString().equals(month))
                .count();
        ListResourceUsageSummaryResponse summary = client(MASTER).listResourceUsageSummary(
                new ListResourceUsageSummaryRequest().withBillCycle(month).withServiceTypeCode("hws.service.type.vpc")
                        .withResourceTypeCode("hws.resource.type.bandwidth").withUsageType("bandwidth95"));
        assertThat(summary.getSummaryUsageInfoList()).singleElement().satisfies(s -> {
            assertThat(s.getResourceId()).isEqualTo("demo-bw-95");
            assertThat(s.getActualDays()).isEqualTo(String.valueOf(days));
        });
        ListResourceUsageResponse perDay = client(MASTER).listResourceUsage(new ListResourceUsageRequest()
                .withBillCycle(month).withServiceTypeCode("hws.service.type.vpc")
                .withResourceTypeCode("hws.resource.type.bandwidth").withUsageType("bandwidth95")
                .withResourceId("demo-bw-95"));
        // the samples run from 10 to 90 Mbps; the 95th percentile drops the top 5%, so is below the peak
        assertThat(perDay.getUsageInfoList()).hasSize((int) days).extracting(StatUsageInfo::getUsage)
                .allSatisfy(u -> assertThat(new BigDecimal(u)).isBetween(BigDecimal.TEN, BigDecimal.valueOf(90)));
        assertThat(new BigDecimal(perDay.getMonthlyPeakBandWidth()))
                .isGreaterThanOrEqualTo(new BigDecimal(perDay.getUsageInfoList().getFirst().getUsage()));

        assertRawBadParameter(MASTER, "/v2/bills/customer-bills/resources/usage/summary", "bill_cycle=" + month
                + "&service_type_code=hws.service.type.vpc&resource_type_code=hws.resource.type.bandwidth",
                "usage_type");
        assertBadParameter(() -> client(MASTER).listResourceUsage(new ListResourceUsageRequest()
                .withBillCycle("last month").withServiceTypeCode("hws.service.type.vpc")
                .withResourceTypeCode("hws.resource.type.bandwidth").withUsageType("bandwidth95")
                .withResourceId("demo-bw-95")), "bill_cycle");
    }

    @Test
    void couponsCardsAndTheirChangeRecords() throws Exception {
        BssClient master = client(MASTER);
        List<IQueryUserCouponsResultV2> coupons = master.listSubCustomerCoupons(new ListSubCustomerCouponsRequest())
                .getUserCoupons();
        // the demo's cash coupon of 300.00 paid for a purchase; its gift coupon (200.00) was not used
        IQueryUserCouponsResultV2 cash = coupons.stream()
                .filter(c -> c.getCouponType() == 1 && c.getFaceValue().doubleValue() == 300.0).findFirst()
                .orElseThrow();
        assertThat(coupons).extracting(IQueryUserCouponsResultV2::getCouponType).containsExactlyInAnyOrder(1, 1, 2);

        JsonNode changes = get(MASTER, "/v2/promotions/benefits/account-change-records",
                "balance_type=BALANCE_TYPE_COUPON&coupon_id=" + cash.getCouponId());
        List<String> types = new ArrayList<>();
        BigDecimal spent = BigDecimal.ZERO;
        for (JsonNode r : changes.path("records")) {
            types.add(r.path("trade_detail_type").asText());
            if (r.path("revenue_expense_type").asText().equals("EXPENSE")) {
                spent = spent.add(new BigDecimal(r.path("change_amount").asText()));
            }
        }
        assertThat(types).containsExactly("SOURCE_OPERAIION_DEDEUCT", "SOURCE_OPERAIION_PRIZE");
        assertThat(BigDecimal.valueOf(cash.getFaceValue()).subtract(spent))
                .isEqualByComparingTo(BigDecimal.valueOf(cash.getBalance()));
        assertThat(send(MASTER, "GET", "/v2/promotions/benefits/account-change-records", "balance_type=BALANCE_TYPE_DEBIT",
                null).status()).isEqualTo(400);

        List<UserStoredValueCard> cards = master.listStoredValueCards(new ListStoredValueCardsRequest().withStatus(1))
                .getStoredValueCards();
        assertThat(cards).singleElement().satisfies(card -> assertThat(new BigDecimal(card.getBalance()))
                .isPositive().isLessThan(new BigDecimal(card.getFaceValue())));
        assertThat(client(INDIVIDUAL).listStoredValueCards(new ListStoredValueCardsRequest().withStatus(1))
                .getStoredValueCards()).isEmpty();

        assertRawBadParameter(MASTER, "/v2/promotions/benefits/stored-value-cards", "limit=5", "status");
        assertBadParameter(() -> master.listSubCustomerCoupons(new ListSubCustomerCouponsRequest().withCouponType(9)),
                "coupon_type");
        assertBadParameter(() -> master.listSubCustomerCoupons(new ListSubCustomerCouponsRequest().withLimit(0)),
                "limit");
    }

    @Test
    void ratingsApplyTheCallersDiscount() {
        RateOnDemandReq onDemand = new RateOnDemandReq().withProjectId("demo").withProductInfos(List.of(
                new DemandProductInfo().withId("1").withCloudServiceType("hws.service.type.ec2")
                        .withResourceType("hws.resource.type.vm").withResourceSpec("s6.large.2.linux")
                        .withRegion("cn-north-4").withUsageFactor("Duration").withUsageValue(BigDecimal.ONE)
                        .withUsageMeasureId(4).withSubscriptionNum(1)));
        ListOnDemandResourceRatingsResponse discounted = client(MASTER).listOnDemandResourceRatings(
                new ListOnDemandResourceRatingsRequest().withBody(onDemand));
        ListOnDemandResourceRatingsResponse listPrice = client(INDIVIDUAL).listOnDemandResourceRatings(
                new ListOnDemandResourceRatingsRequest().withBody(onDemand));
        assertThat(discounted.getOfficialWebsiteAmount()).isPositive()
                .isEqualByComparingTo(listPrice.getOfficialWebsiteAmount());
        assertThat(listPrice.getAmount()).isEqualByComparingTo(listPrice.getOfficialWebsiteAmount());
        assertThat(discounted.getAmount()).isEqualByComparingTo(discounted.getOfficialWebsiteAmount()
                .multiply(new BigDecimal("0.90")));

        ListRateOnPeriodDetailResponse one = period(1);
        ListRateOnPeriodDetailResponse three = period(3);
        assertThat(three.getOfficialWebsiteRatingResult().getOfficialWebsiteAmount()).isEqualByComparingTo(
                one.getOfficialWebsiteRatingResult().getOfficialWebsiteAmount().multiply(BigDecimal.valueOf(3)));

        assertRefused(() -> client(MASTER).listRateOnPeriodDetail(new ListRateOnPeriodDetailRequest().withBody(
                new RateOnPeriodReq().withProjectId("demo").withProductInfos(List.of(periodProduct(1)
                        .withResourceSpec("s99.huge"))))), 400, "CBC.99006006");
        assertBadParameter(() -> client(MASTER).listRateOnPeriodDetail(new ListRateOnPeriodDetailRequest().withBody(
                new RateOnPeriodReq().withProjectId("demo").withProductInfos(List.of(periodProduct(1)
                        .withPeriodType(9))))), "period_type");
        assertBadParameter(() -> client(MASTER).listOnDemandResourceRatings(new ListOnDemandResourceRatingsRequest()
                .withBody(new RateOnDemandReq().withProjectId("demo").withProductInfos(List.of()))), "product_infos");
    }

    @Test
    void theCatalogSpeaksBothLanguages() throws Exception {
        BssClient client = client(INDIVIDUAL);
        ListServiceTypesResponse zh = client.listServiceTypes(new ListServiceTypesRequest().withLimit(100));
        ListServiceTypesResponse en = client.listServiceTypes(new ListServiceTypesRequest().withLimit(100)
                .withXLanguage("en_US"));
        assertThat(zh.getTotalCount()).isGreaterThanOrEqualTo(10);
        assertThat(en.getServiceTypes().getFirst().getServiceTypeCode())
                .isEqualTo(zh.getServiceTypes().getFirst().getServiceTypeCode());
        assertThat(en.getServiceTypes().getFirst().getServiceTypeName())
                .isNotEqualTo(zh.getServiceTypes().getFirst().getServiceTypeName());
        assertThat(client.listResourceTypes(new ListResourceTypesRequest().withLimit(100)).getResourceTypes())
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(client.listServiceResources(new ListServiceResourcesRequest()
                .withServiceTypeCode("hws.service.type.ec2")).getInfos()).isNotEmpty();
        assertThat(client.listUsageTypes(new ListUsageTypesRequest().withResourceTypeCode("hws.resource.type.obs"))
                .getUsageTypes()).extracting(u -> u.getCode()).contains("downflow");
        assertThat(client.listMeasureUnits(new ListMeasureUnitsRequest()).getMeasureUnits())
                .anySatisfy(u -> assertThat(u.getMeasureId()).isEqualTo(10));
        assertThat(client.listConversions(new ListConversionsRequest().withMeasureType(2)).getConversions())
                .isNotEmpty().allSatisfy(c -> assertThat(c.getMeasureType()).isEqualTo(2));
        JsonNode legacy = get(INDIVIDUAL, "/v2/bases/service-types", null);
        assertThat(legacy.toString()).contains("hws.service.type.ec2");

        assertBadParameter(() -> client.listServiceTypes(new ListServiceTypesRequest().withLimit(0)), "limit");
        assertBadParameter(() -> client.listUsageTypes(new ListUsageTypesRequest().withOffset(-1)), "offset");
    }

    @Test
    void valuesOfTheWrongTypeAre400NamingTheParameter() throws Exception {
        Map<String, String> getQueries = Map.of(
                "/v2/bills/customer-bills/fee-records", "bill_cycle=" + LAST_MONTH + "&limit=ten",
                "/v2/bills/customer-bills/monthly-sum", "bill_cycle=" + LAST_MONTH + "&offset=x",
                "/v2/bills/customer-bills/res-fee-records", "cycle=" + LAST_MONTH + "&include_zero_record=maybe",
                "/v2/promotions/benefits/coupons", "status=used",
                "/v2/accounts/customer-accounts/account-change-records", "balance_type=BALANCE_TYPE_DEBIT&limit=1.5");
        for (Map.Entry<String, String> bad : getQueries.entrySet()) {
            SignedHttpClient.Response response = send(MASTER, "GET", bad.getKey(), bad.getValue(), null);
            String parameter = bad.getValue().substring(bad.getValue().lastIndexOf('&') + 1).split("=")[0];
            assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.body()).as(bad.getKey()).contains("CBC.0100").contains(parameter);
        }
        Map<String, String> posts = Map.of(
                "/v2/bills/customer-bills/res-records/query", "{\"cycle\":\"" + LAST_MONTH + "\",\"limit\":\"many\"}",
                "/v4/costs/cost-analysed-bills/query", "{\"time_condition\":{\"time_measure_id\":\"monthly\"}}",
                "/v3/payments/free-resources/query", "{\"status\":[1]}",
                "/v2/bills/ratings/on-demand-resources", "{\"product_infos\":{}}");
        for (Map.Entry<String, String> bad : posts.entrySet()) {
            SignedHttpClient.Response response = send(MASTER, "POST", bad.getKey(), null, bad.getValue());
            assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.body()).as(bad.getKey()).contains("CBC.0100");
        }
    }

    private static ListRateOnPeriodDetailResponse period(int months) {
        return client(MASTER).listRateOnPeriodDetail(new ListRateOnPeriodDetailRequest().withBody(
                new RateOnPeriodReq().withProjectId("demo").withProductInfos(List.of(periodProduct(months)))));
    }

    private static PeriodProductInfo periodProduct(int months) {
        return new PeriodProductInfo().withId("1").withCloudServiceType("hws.service.type.ec2")
                .withResourceType("hws.resource.type.vm").withResourceSpec("s6.large.2.linux").withRegion("cn-north-4")
                .withPeriodType(2).withPeriodNum(months).withSubscriptionNum(1);
    }

    private static QueryResRecordsDetailReq details() {
        return new QueryResRecordsDetailReq().withCycle(LAST_MONTH).withMethod("oneself").withLimit(1000);
    }

    private static List<ResFeeRecordV2> resFeeRecords(BssClient client, int statisticType) {
        ListCustomerselfResourceRecordsResponse page = client.listCustomerselfResourceRecords(
                new ListCustomerselfResourceRecordsRequest().withCycle(LAST_MONTH).withStatisticType(statisticType)
                        .withMethod("oneself").withLimit(1000));
        assertThat(page.getFeeRecords()).hasSize(page.getTotalCount());
        return page.getFeeRecords();
    }

    /** Every fee record, page by page. */
    private static List<MonthlyBillRecord> feeRecords(BssClient client, ListCustomerBillsFeeRecordsRequest request) {
        List<MonthlyBillRecord> all = new ArrayList<>();
        ListCustomerBillsFeeRecordsResponse page;
        do {
            page = client.listCustomerBillsFeeRecords(request.withLimit(100).withOffset(all.size()));
            all.addAll(page.getRecords());
        } while (all.size() < page.getTotalCount() && !page.getRecords().isEmpty());
        assertThat(all).hasSize(page.getTotalCount());
        return all;
    }

    private static <T> BigDecimal total(List<T> rows, Function<T, BigDecimal> amount) {
        return rows.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A parameter the SDK itself insists on, left out: 400 naming it. */
    private static void assertRawBadParameter(String account, String path, String query, String parameter)
            throws Exception {
        SignedHttpClient.Response response = send(account, "GET", path, query, null);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error_code").asText()).isEqualTo("CBC.0100");
        assertThat(JSON.readTree(response.body()).path("error_msg").asText()).contains(parameter);
    }

    private static JsonNode get(String account, String path, String query) throws Exception {
        SignedHttpClient.Response response = send(account, "GET", path, query, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static SignedHttpClient.Response send(String account, String method, String path, String query,
            String body) throws Exception {
        return signed(account).send(method, path, query, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
