package io.openbss.billing.bills;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.operator;
import static io.openbss.billing.BillingTestSupport.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.common.time.BssTime;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Usage goes in, is rated with resource packages first, and comes out consistently in every bill view: fee records,
 * monthly sums, resource records (per line, per day, per month), amortised costs and cost analysis.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageAndBillsTest {

    static final String ECS = "hws.service.type.ec2";

    String id;
    Instant hour;
    String cycle;
    LocalDate day;

    @BeforeEach
    void usageRated() {
        if (id != null) {
            return;
        }
        id = funded("1000.00");
        // a day that has closed, two days ago, at 10:00 UTC+8
        day = BssTime.businessDate(Instant.now()).minusDays(2);
        hour = BssTime.startOf(day).plus(10, ChronoUnit.HOURS);
        cycle = day.toString().substring(0, 7);
        internal("/internal/v1/free-resource-packages", Map.of("idempotency_key", "pkg-" + id, "customer_id", id,
                "product_id", "OBS-FLOW-PKG", "product_name", "OBS outbound traffic 4 GB", "service_type_code",
                "hws.service.type.obs", "region_code", "cn-north-4", "effective_time",
                BssTime.formatWire(hour.minus(30, ChronoUnit.DAYS)), "expire_time",
                BssTime.formatWire(hour.plus(300, ChronoUnit.DAYS)), "free_resources", List.of(Map.of(
                        "resource_type_code", "hws.resource.type.obs", "usage_type_code", "downflow",
                        "amount", 4, "measure_id", 10)))).statusCode(200);
        List<Map<String, Object>> records = new ArrayList<>();
        records.add(record("vm-a", ECS, "hws.resource.type.vm", "s6.large.2.linux", null, "Duration", "1", 4, hour, 0));
        records.add(record("vm-a", ECS, "hws.resource.type.vm", "s6.large.2.linux", null, "Duration", "60", 6, hour,
                30));
        records.add(record("disk-a", "hws.service.type.ebs", "hws.resource.type.volume", "SSD", 100, "Duration", "1",
                4, hour, 0));
        records.add(record("obs-a", "hws.service.type.obs", "hws.resource.type.obs", "obs.standard", null,
                "downflow", "10240", 11, hour, 0));
        for (int i = 0; i < 288; i++) {
            records.add(record("bw-" + i, "hws.service.type.vpc", "hws.resource.type.bandwidth", "95_bgp", null,
                    "bandwidth95", String.valueOf(i + 1), 15, BssTime.startOf(day).plus(5L * i, ChronoUnit.MINUTES), 0));
        }
        records.forEach(this::withCustomer);
        internal("/internal/v1/usage-records", Map.of("records", records)).statusCode(200)
                .body("accepted", equalTo(records.size()));
        internal("/internal/v1/usage-records", Map.of("records", records.subList(0, 3))).statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(3));
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
    }

    @Test
    void usageIsRatedOnceWithPackagesFirst() {
        JsonPath lines = feeRecords(Map.of("bill_cycle", cycle, "limit", "1000")).extract().jsonPath().using(EXACT);
        assertThat(lines.getInt("total_count")).isEqualTo(4);
        // two records of one VM in one hour: 1 h + 60 min = 2 h at 0.30
        assertThat(fee(lines, "hws.resource.type.vm").get("official_amount")).isEqualTo(new BigDecimal("0.60000000"));
        // 100 GB SSD for one hour at 0.0014 per GB-hour
        assertThat(fee(lines, "hws.resource.type.volume").get("official_amount")).isEqualTo(new BigDecimal("0.14000000"));
        // 10 GB out, 4 GB from the package, 6 GB at 0.50
        assertThat(fee(lines, "hws.resource.type.obs").get("official_amount")).isEqualTo(new BigDecimal("3.00000000"));
        // 288 samples of 1..288 Mbps: the 95th percentile is 274 Mbps, at 0.60 per Mbps-day
        assertThat(fee(lines, "hws.resource.type.bandwidth").get("official_amount"))
                .isEqualTo(new BigDecimal("164.40000000"));
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200).body("charges", equalTo(0));
        given().header("Authorization", customer(id)).get("/v2/accounts/customer-accounts/balances").then()
                .body("account_balances[0].amount", equalTo((float) (1000.00 - 0.60 - 0.14 - 3.00 - 164.40)));
    }

    @Test
    void theMonthlySumIsTheSumOfItsRecords() {
        String buyer = funded("2000.00");
        charge("order-" + buyer, buyer, List.of(periodLine("1560.00")), Map.of()).statusCode(200);
        String now = BssTime.businessDate(Instant.now()).toString().substring(0, 7);
        assertSumsAgree(id, cycle);
        assertSumsAgree(id, now);
        assertSumsAgree(buyer, now);
    }

    @Test
    void usageRatedAfterItsMonthClosedStaysInItsMonthInEveryView() {
        String late = funded("100.00");
        // the last hour of last month (UTC+8), rated now, in the new month
        LocalDate lastDay = BssTime.businessDate(Instant.now()).withDayOfMonth(1).minusDays(1);
        Instant lastHour = BssTime.startOf(lastDay).plus(23, ChronoUnit.HOURS);
        Map<String, Object> record = record("vm-late", ECS, "hws.resource.type.vm", "s6.large.2.linux", null,
                "Duration", "1", 4, lastHour, 0);
        record.put("customer_id", late);
        internal("/internal/v1/usage-records", Map.of("records", List.of(record))).statusCode(200);
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
        String lastCycle = lastDay.toString().substring(0, 7);
        JsonPath fees = given().header("Authorization", customer(late)).queryParam("bill_cycle", lastCycle)
                .get("/v2/bills/customer-bills/fee-records").then().statusCode(200).extract().jsonPath();
        assertThat(fees.getInt("total_count")).isEqualTo(1);
        String tradeId = fees.getString("records[0].trade_id");
        JsonPath change = given().header("Authorization", customer(late)).queryParam("balance_type",
                        "BALANCE_TYPE_DEBIT").queryParam("trade_id", tradeId)
                .get("/v2/accounts/customer-accounts/account-change-records").then().statusCode(200).extract()
                .jsonPath();
        assertThat(change.getList("records")).hasSize(1);
        assertThat(change.getString("records[0].bill_cycle")).isEqualTo(lastCycle);
        assertThat(change.getString("records[0].trade_time"))
                .isEqualTo(BssTime.formatWire(lastHour)).isEqualTo(fees.getString("records[0].trade_time"));
    }

    private void assertSumsAgree(String customerId, String month) {
        JsonPath sum = given().header("Authorization", customer(customerId)).queryParam("bill_cycle", month)
                .get("/v2/bills/customer-bills/monthly-sum").then().statusCode(200).extract().jsonPath().using(EXACT);
        JsonPath records = given().header("Authorization", customer(customerId)).queryParam("bill_cycle", month)
                .queryParam("limit", "1000").get("/v2/bills/customer-bills/fee-records").then().statusCode(200)
                .extract().jsonPath().using(EXACT);
        BigDecimal summed = total(sum, "bill_sums.consume_amount");
        assertThat(sum.getObject("consume_amount", BigDecimal.class)).isEqualByComparingTo(
                total(records, "records.consume_amount")).isEqualByComparingTo(summed);
        assertThat(sum.getObject("cash_amount", BigDecimal.class))
                .isEqualByComparingTo(total(records, "records.cash_amount"));
    }

    @Test
    void resourceRecordsPerLinePerDayAndPerMonthAgree() {
        JsonPath detail = given().header("Authorization", customer(id)).queryParam("cycle", cycle)
                .queryParam("limit", 1000).get("/v2/bills/customer-bills/res-fee-records").then().statusCode(200)
                .extract().jsonPath().using(EXACT);
        JsonPath monthly = given().header("Authorization", customer(id)).queryParam("cycle", cycle)
                .queryParam("statistic_type", 1).queryParam("limit", 1000)
                .get("/v2/bills/customer-bills/res-fee-records").then().statusCode(200).extract().jsonPath()
                .using(EXACT);
        assertThat(total(detail, "fee_records.amount")).isEqualByComparingTo(total(monthly, "fee_records.amount"));
        assertThat(detail.getString("fee_records.find { it.resource_id == 'vm-a' }.usage")).isEqualTo("2.00000000");
        assertThat(detail.getString("fee_records.find { it.resource_id == 'obs-a' }.free_resource_usage"))
                .isEqualTo("4.00000000");
        JsonPath daily = resRecords(Map.of("cycle", cycle, "statistic_type", 2, "query_type", "DAILY",
                "bill_cycle_begin", day.toString(), "bill_cycle_end", day.toString(), "limit", 1000)).statusCode(200)
                .extract().jsonPath().using(EXACT);
        assertThat(daily.getList("monthly_records.bill_date")).containsOnly(day.toString());
        assertThat(total(daily, "monthly_records.consume_amount")).isEqualByComparingTo(
                total(detail, "fee_records.amount"));
        JsonPath byMonth = resRecords(Map.of("cycle", cycle, "limit", 1000)).statusCode(200).extract().jsonPath()
                .using(EXACT);
        assertThat(byMonth.getInt("total_count")).isEqualTo(4);
        assertThat(byMonth.getList("monthly_records.bill_date")).containsOnlyNulls();
        given().header("Authorization", customer(id)).queryParam("cycle", cycle).urlEncodingEnabled(true)
                .queryParam("resource_id", "").get("/v2/bills/customer-bills/res-fee-records").then().statusCode(200)
                .body("total_count", equalTo(0));
    }

    @Test
    void theLegacyResourceRecordsPageByPageNumber() {
        String path = "/v1.0/" + id + "/customer/account-mgr/bill/res-records";
        JsonPath all = given().header("Authorization", customer(id)).queryParam("cycle", cycle)
                .queryParam("payMethod", "1").queryParam("offset", 1).queryParam("limit", 1000).get(path).then()
                .statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(all.getInt("totalCount")).isEqualTo(4);
        assertThat(total(all, "monthlyRecords.consumeAmount")).isEqualByComparingTo(new BigDecimal("168.14"));
        JsonPath second = given().header("Authorization", customer(id)).queryParam("cycle", cycle)
                .queryParam("payMethod", "1").queryParam("offset", 2).queryParam("limit", 3).get(path).then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getList("monthlyRecords")).hasSize(1);
        given().header("Authorization", customer(id)).queryParam("cycle", cycle).queryParam("payMethod", "0")
                .queryParam("offset", 1).queryParam("limit", 10).get(path).then().body("totalCount", equalTo(0));
        given().header("Authorization", customer(id)).queryParam("cycle", cycle).queryParam("payMethod", "2")
                .queryParam("offset", 1).queryParam("limit", 10).get(path).then().statusCode(400)
                .body("error_msg", containsString("payMethod"));
        given().header("Authorization", customer(id)).queryParam("cycle", cycle).queryParam("payMethod", "1")
                .queryParam("offset", 0).queryParam("limit", 10).get(path).then().statusCode(400)
                .body("error_msg", containsString("offset"));
        given().header("Authorization", customer(funded("0"))).queryParam("cycle", cycle).queryParam("payMethod", "1")
                .queryParam("offset", 1).queryParam("limit", 10).get(path).then().statusCode(403);
    }

    @Test
    void packagesShowWhatIsLeftAndWhatUsedThem() {
        JsonPath packages = post("/v3/payments/free-resources/query", Map.of()).statusCode(200).extract().jsonPath();
        assertThat(packages.getInt("total_count")).isEqualTo(1);
        assertThat(packages.getString("free_resource_packages[0].free_resources[0].amount")).isEqualTo("0");
        assertThat(packages.getString("free_resource_packages[0].free_resources[0].original_amount")).isEqualTo("4");
        assertThat(packages.getInt("free_resource_packages[0].status")).isEqualTo(2);
        String quota = packages.getString("free_resource_packages[0].free_resources[0].free_resource_id");
        post("/v2/payments/free-resources/usages/details/query", Map.of("free_resource_ids", List.of(quota)))
                .statusCode(200).body("free_resources[0].amount", equalTo(0.0f))
                .body("free_resources[0].original_amount", equalTo(4.0f));
        given().header("Authorization", customer(id)).queryParam("deduct_time_begin", day.toString())
                .queryParam("deduct_time_end", day.toString())
                .get("/v2/bills/customer-bills/free-resources-usage-records").then().statusCode(200)
                .body("total_count", equalTo(1)).body("free_resource_records[0].used_amount", equalTo("4"))
                .body("free_resource_records[0].resource_id", equalTo("obs-a"));
    }

    @Test
    void bandwidthIsSummarisedOnItsNinetyFifthPercentile() {
        given().header("Authorization", customer(id)).queryParam("bill_cycle", cycle)
                .queryParam("service_type_code", "hws.service.type.vpc")
                .queryParam("resource_type_code", "hws.resource.type.bandwidth")
                .queryParam("usage_type", "bandwidth95").get("/v2/bills/customer-bills/resources/usage/summary").then()
                .statusCode(200).body("total_count", equalTo(1))
                .body("summary_usage_info_list[0].band_width", equalTo("274"))
                .body("summary_usage_info_list[0].monthly_peak_band_width", equalTo("288"))
                .body("summary_usage_info_list[0].actual_days", equalTo("1"));
        given().header("Authorization", customer(id)).queryParam("bill_cycle", cycle)
                .queryParam("service_type_code", "hws.service.type.vpc")
                .queryParam("resource_type_code", "hws.resource.type.bandwidth")
                .queryParam("usage_type", "bandwidth95").queryParam("resource_id", "bw-0")
                .get("/v2/bills/customer-bills/resources/usage/details").then().statusCode(200)
                .body("usage_info_list[0].stat_time", equalTo(day.toString()))
                .body("usage_info_list[0].usage", equalTo("274"));
    }

    @Test
    void aYearlyPurchaseIsAmortisedOverItsYear() {
        Instant start = BssTime.startOf(BssTime.businessDate(Instant.now()).withDayOfMonth(1));
        String buyer = boughtAYear(start, "1200.00");
        String month = BssTime.businessDate(start).toString().substring(0, 7);
        JsonPath breakdown = given().header("Authorization", customer(buyer)).queryParam("shared_month", month)
                .get("/v2/costs/cost-analysed-bills/monthly-breakdown").then().statusCode(200).extract().jsonPath()
                .using(EXACT);
        BigDecimal current = breakdown.getObject("details[0].current_month_amortized_amount", BigDecimal.class);
        BigDecimal future = breakdown.getObject("details[0].future_months_amortized_amount", BigDecimal.class);
        assertThat(current.add(future)).isEqualByComparingTo("1200.00");
        int days = BssTime.businessDate(start).lengthOfMonth();
        int yearDays = BssTime.businessDate(start).lengthOfYear() + (BssTime.businessDate(start).getMonthValue() > 2
                && java.time.Year.isLeap(BssTime.businessDate(start).getYear() + 1) ? 1 : 0);
        assertThat(current.doubleValue()).isCloseTo(1200.0 * days / yearDays, org.assertj.core.data.Offset.offset(3.5));
        JsonPath costs = post(buyer, "/v4/costs/cost-analysed-bills/query", Map.of("time_condition",
                Map.of("time_measure_id", 2, "begin_time", month, "end_time", month), "cost_type", "AMORTIZED_COST",
                "groupby", List.of(Map.of("type", "dimension", "key", "CLOUD_SERVICE_TYPE")))).statusCode(200)
                .extract().jsonPath();
        assertThat(new BigDecimal(costs.getString("cost_data[0].amount_by_costs")))
                .isEqualByComparingTo(current.setScale(2, java.math.RoundingMode.HALF_UP));
        JsonPath original = post(buyer, "/v4/costs/cost-analysed-bills/query", Map.of("time_condition",
                Map.of("time_measure_id", 2, "begin_time", month, "end_time", month))).statusCode(200).extract()
                .jsonPath();
        assertThat(original.getString("cost_data[0].amount_by_costs")).isEqualTo("1200.00");
    }

    @Test
    void costsSumWhatPaidEachLineToTheCentLikeTheMonthlySum() {
        String payer = funded("100.00");
        String coupon = given().header("Authorization", operator()).contentType(ContentType.JSON)
                .body(Map.of("idempotency_key", "coupon-" + payer, "customer_id", payer, "coupon_type", 1,
                        "face_value", new BigDecimal("1.00"), "plan_name", "usage coupon",
                        "valid_time", BssTime.formatWire(hour.minus(30, ChronoUnit.DAYS)),
                        "expire_time", BssTime.formatWire(hour.plus(300, ChronoUnit.DAYS))))
                .post("/internal/v1/coupons").then().statusCode(200).extract().path("id");
        // three hours of usage, each payable 4.125 and paid 4.13: 12.39 paid, where the payable amounts sum to 12.375
        for (int i = 0; i < 3; i++) {
            Map<String, Object> usage = line(ECS, "4.125");
            usage.put("bill_type", 5);
            usage.put("charging_mode", 3);
            usage.remove("period_type");
            usage.put("effective_time", BssTime.formatWire(hour.plus(i, ChronoUnit.HOURS)));
            usage.put("expire_time", BssTime.formatWire(hour.plus(i + 1, ChronoUnit.HOURS)));
            charge("usage-" + i + "-" + payer, payer, List.of(usage),
                    i == 0 ? Map.of("coupon_ids", List.of(coupon)) : Map.of()).statusCode(200);
        }
        JsonPath sum = given().header("Authorization", customer(payer)).queryParam("bill_cycle", cycle)
                .get("/v2/bills/customer-bills/monthly-sum").then().statusCode(200).extract().jsonPath().using(EXACT);
        BigDecimal consumed = sum.getObject("consume_amount", BigDecimal.class);
        BigDecimal byCoupons = sum.getObject("coupon_amount", BigDecimal.class);
        assertThat(consumed).as("the lines round differently one by one than summed")
                .isNotEqualByComparingTo(new BigDecimal("12.375").setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(byCoupons).isPositive();

        Map<String, Object> month = Map.of("time_measure_id", 2, "begin_time", cycle, "end_time", cycle);
        JsonPath original = post(payer, "/v4/costs/cost-analysed-bills/query", Map.of("time_condition", month))
                .statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(original.getString("cost_data[0].amount_by_costs")))
                .isEqualByComparingTo(consumed);
        assertThat(new BigDecimal(original.getString("cost_data[0].costs[0].amount"))).isEqualByComparingTo(consumed);
        JsonPath amortized = post(payer, "/v4/costs/cost-analysed-bills/query", Map.of("time_condition", month,
                "cost_type", "AMORTIZED_COST")).statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(amortized.getString("cost_data[0].amount_by_costs"))).isEqualByComparingTo(consumed);
        JsonPath net = post(payer, "/v4/costs/cost-analysed-bills/query", Map.of("time_condition", month,
                "amount_type", "NET_AMOUNT")).statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(net.getString("cost_data[0].amount_by_costs")))
                .isEqualByComparingTo(consumed.subtract(byCoupons));
        JsonPath daily = post(payer, "/v4/costs/cost-analysed-bills/query", Map.of("time_condition", Map.of(
                "time_measure_id", 1, "begin_time", day.withDayOfMonth(1).toString(),
                "end_time", day.withDayOfMonth(day.lengthOfMonth()).toString()))).statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(daily.getString("cost_data[0].amount_by_costs"))).isEqualByComparingTo(consumed);
    }

    @Test
    void amortizedCostsSpreadWhatWasPaidInCentsThatAddUpToIt() {
        Instant start = BssTime.startOf(BssTime.businessDate(Instant.now()).withDayOfMonth(1));
        String buyer = boughtAYear(start, "1000.00");
        String first = BssTime.businessDate(start).toString().substring(0, 7);
        String last = BssTime.businessDate(start).plusMonths(11).toString().substring(0, 7);
        JsonPath costs = post(buyer, "/v4/costs/cost-analysed-bills/query", Map.of("time_condition",
                Map.of("time_measure_id", 2, "begin_time", first, "end_time", last), "cost_type", "AMORTIZED_COST"))
                .statusCode(200).extract().jsonPath();
        List<BigDecimal> months = costs.getList("cost_data[0].costs.amount", String.class).stream()
                .map(BigDecimal::new).toList();
        assertThat(months).hasSize(12).allSatisfy(m -> assertThat(m.scale()).isEqualTo(2));
        assertThat(months.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000.00")
                .isEqualByComparingTo(costs.getString("cost_data[0].amount_by_costs"));
    }

    @Test
    void costAnalysisGroupsAndFilters() {
        JsonPath byService = post("/v4/costs/cost-analysed-bills/query", Map.of("time_condition", Map.of(
                "time_measure_id", 1, "begin_time", day.toString(), "end_time", day.toString()), "groupby",
                List.of(Map.of("key", "CLOUD_SERVICE_TYPE")))).statusCode(200).extract().jsonPath();
        assertThat(byService.getInt("total_count")).isEqualTo(4);
        assertThat(byService.getString("cost_data[0].dimensions[0].value")).isEqualTo("hws.service.type.vpc");
        JsonPath withoutVpc = post("/v4/costs/cost-analysed-bills/query", Map.of("time_condition", Map.of(
                "time_measure_id", 1, "begin_time", day.toString(), "end_time", day.toString()), "groupby",
                List.of(Map.of("key", "CLOUD_SERVICE_TYPE")), "filters", List.of(Map.of("operator", 1,
                        "filter_factor", Map.of("key", "CLOUD_SERVICE_TYPE", "value", List.of("hws.service.type.vpc"))))))
                .statusCode(200).extract().jsonPath();
        assertThat(withoutVpc.getList("cost_data.collect { it.dimensions[0].value }")).doesNotContain("hws.service.type.vpc")
                .hasSize(3);
    }

    @Test
    void badBillQueriesNameTheParameter() {
        feeRecords(Map.of()).statusCode(400).body("error_msg", containsString("bill_cycle"));
        feeRecords(Map.of("bill_cycle", "2026/01")).statusCode(400).body("error_msg", containsString("bill_cycle"));
        feeRecords(Map.of("bill_cycle", cycle, "limit", "1001")).statusCode(400).body("error_msg", containsString("limit"));
        feeRecords(Map.of("bill_cycle", cycle, "charging_mode", "2")).statusCode(400)
                .body("error_msg", containsString("charging_mode"));
        feeRecords(Map.of("bill_cycle", cycle, "include_zero_record", "maybe")).statusCode(400)
                .body("error_msg", containsString("include_zero_record"));
        feeRecords(Map.of("bill_cycle", "2026-01", "bill_date_begin", "2026-02-01", "bill_date_end", "2026-02-02"))
                .statusCode(400).body("error_msg", containsString("bill_date_begin"));
        monthlySum(Map.of("bill_cycle", cycle, "method", "everyone")).statusCode(400)
                .body("error_msg", containsString("method"));
        monthlySum(Map.of("bill_cycle", cycle, "method", "sub_customer")).statusCode(400)
                .body("error_msg", containsString("sub_customer_id"));
        resRecords(Map.of("cycle", cycle, "statistic_type", 1, "query_type", "DAILY")).statusCode(400)
                .body("error_msg", containsString("query_type"));
        resRecords(Map.of("cycle", cycle, "statistic_type", "two")).statusCode(400)
                .body("error_msg", containsString("statistic_type"));
        post("/v4/costs/cost-analysed-bills/query", Map.of()).statusCode(400)
                .body("error_msg", containsString("time_condition"));
        post("/v4/costs/cost-analysed-bills/query", Map.of("time_condition", Map.of("begin_time", "2026-01-01",
                "end_time", "2026-01-02"), "groupby", List.of(Map.of("key", "COLOR")))).statusCode(400)
                .body("error_msg", containsString("groupby[0].key"));
        given().header("Authorization", customer(id)).queryParam("shared_month", "2026-1")
                .get("/v2/costs/cost-analysed-bills/monthly-breakdown").then().statusCode(400)
                .body("error_msg", containsString("shared_month"));
        given().header("Authorization", customer(id)).queryParam("bill_cycle", cycle)
                .queryParam("service_type_code", "hws.service.type.ec2")
                .queryParam("resource_type_code", "hws.resource.type.vm").queryParam("usage_type", "Duration")
                .get("/v2/bills/customer-bills/resources/usage/summary").then().statusCode(400)
                .body("error_msg", containsString("resource_type_code"));
        given().header("Authorization", customer(id)).queryParam("deduct_time_begin", "2026-01-01")
                .queryParam("deduct_time_end", "2026-06-01")
                .get("/v2/bills/customer-bills/free-resources-usage-records").then().statusCode(400)
                .body("error_msg", containsString("deduct_time_end"));
        internal("/internal/v1/usage-records", Map.of("records", List.of(withCustomer(record("x", ECS,
                "hws.resource.type.vm", "s9.none", null, "Duration", "1", 4, hour, 0))))).statusCode(400)
                .body("error_msg", containsString("records[0].resource_spec"));
    }

    @Test
    void aCostFilterWithoutAKeyIsRefusedNamingIt() {
        Map<String, Object> time = Map.of("time_measure_id", 1, "begin_time", "2026-01-01", "end_time", "2026-01-02");
        Map<String, Object> noKey = new HashMap<>();
        noKey.put("value", List.of("hws.service.type.vpc"));
        Map<String, Object> nullKey = new HashMap<>(noKey);
        nullKey.put("key", null);
        for (Map<String, Object> factor : List.of(noKey, nullKey)) {
            post("/v4/costs/cost-analysed-bills/query", Map.of("time_condition", time,
                    "filters", List.of(Map.of("operator", 0, "filter_factor", factor)))).statusCode(400)
                    .body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("filters[0].filter_factor.key"));
        }
    }

    @Test
    void anotherCustomerSeesNoneOfTheseBills() {
        String other = funded("0");
        given().header("Authorization", customer(other)).queryParam("bill_cycle", cycle)
                .get("/v2/bills/customer-bills/fee-records").then().statusCode(200).body("total_count", equalTo(0));
        given().header("Authorization", customer(other)).queryParam("bill_cycle", cycle)
                .queryParam("method", "sub_customer").queryParam("sub_customer_id", id)
                .get("/v2/bills/customer-bills/monthly-sum").then().statusCode(403).body("error_code", equalTo("CBC.0150"));
    }

    @Test
    void aMasterSeesASubAccountsBillsOnlyWhileTheAssociationAllowsIt() {
        String master = funded("0");
        associate(master, true);
        given().header("Authorization", customer(master)).queryParam("bill_cycle", cycle)
                .get("/v2/bills/customer-bills/fee-records").then().statusCode(200).body("total_count", equalTo(4));
        given().header("Authorization", customer(master)).queryParam("bill_cycle", cycle).queryParam("method", "oneself")
                .get("/v2/bills/customer-bills/fee-records").then().body("total_count", equalTo(0));
        associate(master, false);
        given().header("Authorization", customer(master)).queryParam("bill_cycle", cycle)
                .get("/v2/bills/customer-bills/fee-records").then().body("total_count", equalTo(0));
    }

    private void associate(String master, boolean billsVisible) {
        given().header("Authorization", service()).contentType(ContentType.JSON)
                .body(Map.of("master_customer_id", master, "bills_visible", billsVisible))
                .put("/internal/v1/customers/{id}/association", id).then().statusCode(200);
    }

    static Map<String, Object> record(String resource, String service, String type, String spec, Integer size,
            String usageType, String usage, int measure, Instant begin, int offsetMinutes) {
        Map<String, Object> r = new HashMap<>();
        Instant start = begin.plus(offsetMinutes, ChronoUnit.MINUTES);
        r.put("record_id", "rec-" + resource + "-" + start.toEpochMilli() + "-" + java.util.UUID.randomUUID());
        r.put("resource_id", resource.startsWith("bw-") ? "bw-0" : resource);
        r.put("service_type_code", service);
        r.put("resource_type_code", type);
        r.put("region_code", "cn-north-4");
        r.put("resource_spec", spec);
        if (size != null) {
            r.put("resource_size", size);
            r.put("size_measure_id", 17);
        }
        r.put("usage_type_code", usageType);
        r.put("usage", new BigDecimal(usage));
        r.put("usage_measure_id", measure);
        r.put("begin_time", BssTime.formatWire(start));
        r.put("end_time", BssTime.formatWire(start.plus(resource.startsWith("bw-") ? 5 : 30, ChronoUnit.MINUTES)));
        return r;
    }

    Map<String, Object> withCustomer(Map<String, Object> record) {
        record.put("customer_id", id);
        return record;
    }

    /** A new customer who bought a year of a server from {@code start}, for {@code amount}. */
    static String boughtAYear(Instant start, String amount) {
        String buyer = funded("2000.00");
        Map<String, Object> line = periodLine(amount);
        line.put("effective_time", BssTime.formatWire(start));
        line.put("expire_time", BssTime.formatWire(start.atZone(BssTime.BUSINESS_ZONE).plusYears(1).toInstant()));
        charge("year-" + buyer, buyer, List.of(line), Map.of()).statusCode(200);
        return buyer;
    }

    static Map<String, Object> periodLine(String amount) {
        return line(ECS, amount);
    }

    Map<String, Object> fee(JsonPath lines, String resourceType) {
        return lines.getMap("records.find { it.resource_type_code == '" + resourceType + "' }");
    }

    static BigDecimal total(JsonPath json, String path) {
        return json.<BigDecimal>getList(path, BigDecimal.class).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    ValidatableResponse feeRecords(Map<String, String> params) {
        return given().header("Authorization", customer(id)).queryParams(params)
                .get("/v2/bills/customer-bills/fee-records").then();
    }

    ValidatableResponse monthlySum(Map<String, String> params) {
        return given().header("Authorization", customer(id)).queryParams(params)
                .get("/v2/bills/customer-bills/monthly-sum").then();
    }

    ValidatableResponse resRecords(Map<String, Object> body) {
        return post("/v2/bills/customer-bills/res-records/query", body);
    }

    ValidatableResponse post(String path, Object body) {
        return post(id, path, body);
    }

    static ValidatableResponse post(String customerId, String path, Object body) {
        return given().header("Authorization", customer(customerId)).contentType(ContentType.JSON).body(body)
                .post(path).then();
    }
}
