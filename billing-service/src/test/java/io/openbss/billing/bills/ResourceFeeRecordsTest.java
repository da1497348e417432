package io.openbss.billing.bills;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.internal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.common.time.BssTime;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ListCustomerselfResourceRecords: the default grain is one row per bill line, a line's usage window is the span its
 * metering covered, and a cycle row covers the whole month whatever bill dates are sent.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceFeeRecordsTest {

    String id;
    LocalDate first;
    LocalDate second;
    String cycle;

    @BeforeEach
    void aVmMeteredForTwoWholeDays() {
        if (id != null) {
            return;
        }
        id = funded("500.00");
        YearMonth lastMonth = YearMonth.from(BssTime.businessDate(Instant.now())).minusMonths(1);
        first = lastMonth.atDay(10);
        second = lastMonth.atDay(11);
        cycle = lastMonth.toString();
        List<Map<String, Object>> records = List.of(dayLong(first), dayLong(second));
        internal("/internal/v1/usage-records", Map.of("records", records)).statusCode(200)
                .body("accepted", equalTo(2));
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
    }

    @Test
    void aDayOfMeteringIsShownOverTheDayItCovers() {
        JsonPath detail = records(Map.of("cycle", cycle));
        assertThat(detail.getInt("total_count")).isEqualTo(2);
        assertThat(detail.getList("fee_records.bill_date")).containsExactly(first.toString(), second.toString());
        assertThat(detail.getString("fee_records[0].usage")).isEqualTo("24.00000000");
        assertThat(detail.getString("fee_records[0].effective_time"))
                .isEqualTo(BssTime.formatWire(BssTime.startOf(first)));
        assertThat(detail.getString("fee_records[0].expire_time"))
                .isEqualTo(BssTime.formatWire(BssTime.startOf(second)));
    }

    @Test
    void billDatesNarrowLinesButNotACycleRow() {
        JsonPath oneDay = records(Map.of("cycle", cycle, "bill_date_begin", second.toString(), "bill_date_end",
                second.toString()));
        assertThat(oneDay.getList("fee_records.bill_date")).containsExactly(second.toString());
        JsonPath month = records(Map.of("cycle", cycle, "statistic_type", 1, "bill_date_begin", second.toString(),
                "bill_date_end", second.toString()));
        assertThat(month.getInt("total_count")).isEqualTo(1);
        assertThat(month.getObject("fee_records[0].usage", BigDecimal.class)).isEqualByComparingTo("48");
        assertThat(month.getString("fee_records[0].bill_date")).isNull();
    }

    @Test
    void aMonthRowGivesATradeOrAPriceOnlyWhenEachOfItsLinesHasTheSameAndNamesItsService() {
        JsonPath detail = records(Map.of("cycle", cycle));
        List<String> trades = detail.getList("fee_records.trade_id");
        assertThat(trades).hasSize(2).doesNotHaveDuplicates();
        List<BigDecimal> prices = detail.getList("fee_records.unit_price", BigDecimal.class);
        assertThat(prices).hasSize(2).allSatisfy(price -> assertThat(price).isEqualByComparingTo(prices.get(0)));

        JsonPath month = records(Map.of("cycle", cycle, "statistic_type", 1));
        assertThat(month.getInt("total_count")).isEqualTo(1);
        assertThat(month.getString("fee_records[0].trade_id")).as("two trades: none of them").isNull();
        assertThat(month.getObject("fee_records[0].unit_price", BigDecimal.class)).as("one price: it")
                .isEqualByComparingTo(prices.get(0));
        assertThat(month.getString("fee_records[0].cloud_service_type_name"))
                .isEqualTo(detail.getString("fee_records[0].cloud_service_type_name")).isNotBlank();
        assertThat(month.getString("fee_records[0].region_name"))
                .isEqualTo(detail.getString("fee_records[0].region_name")).isNotBlank();
    }

    private JsonPath records(Map<String, Object> query) {
        return given().header("Authorization", customer(id)).queryParams(query).queryParam("limit", 1000)
                .get("/v2/bills/customer-bills/res-fee-records").then().statusCode(200).extract().jsonPath()
                .using(EXACT);
    }

    private Map<String, Object> dayLong(LocalDate day) {
        Map<String, Object> r = new HashMap<>();
        r.put("record_id", "day-" + UUID.randomUUID());
        r.put("customer_id", id);
        r.put("resource_id", "vm-day");
        r.put("resource_name", "vm-day");
        r.put("service_type_code", "hws.service.type.ec2");
        r.put("resource_type_code", "hws.resource.type.vm");
        r.put("region_code", "cn-north-4");
        r.put("resource_spec", "s6.large.2.linux");
        r.put("usage_type_code", "Duration");
        r.put("usage", new BigDecimal("24"));
        r.put("usage_measure_id", 4);
        r.put("begin_time", BssTime.formatWire(BssTime.startOf(day)));
        r.put("end_time", BssTime.formatWire(BssTime.startOf(day.plusDays(1))));
        return r;
    }
}
