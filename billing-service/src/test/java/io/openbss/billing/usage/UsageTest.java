package io.openbss.billing.usage;

import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.bills.BillViews.key;
import static io.openbss.billing.bills.BillViews.rows;
import static io.openbss.billing.bills.BillViews.sorted;
import static io.openbss.billing.bills.BillViews.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.bills.BillViews;
import io.openbss.billing.bills.SampledProperty;
import io.openbss.billing.bills.UsageRecords;
import io.openbss.common.time.BssTime;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import org.junit.jupiter.api.Test;

/**
 * Pay-per-use usage as metered, as rated and as shown: the 95th percentile of bandwidth samples per day (billed)
 * and per month (summarised), hourly usage billed in the cycle of its hour however late it is rated, and usage that
 * is sent or rated again charged once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class UsageTest {

    static final int TRIES = 15;
    static final String VPC = "hws.service.type.vpc";
    static final String BANDWIDTH = "hws.resource.type.bandwidth";
    static final String ECS = "hws.service.type.ec2";
    static final BigDecimal PRICE_PER_MBPS_DAY = new BigDecimal("0.60");
    static final BigDecimal PRICE_PER_HOUR = new BigDecimal("0.30");

    /** One bandwidth sample of a resource on a day, in Mbps (15), Kbps (16) or Gbps (18). */
    record Sample(int resource, int day, int slot, BigDecimal value, int measure) {

        BigDecimal mbps() {
            return switch (measure) {
                case 16 -> value.movePointLeft(3);
                case 18 -> value.movePointRight(3);
                default -> value;
            };
        }
    }

    @Test
    void bandwidthIsBilledAndSummarisedOnTheNinetyFifthPercentileOfItsSamples() {
        YearMonth cycle = YearMonth.from(BssTime.businessDate(Instant.now())).minusMonths(1);
        SampledProperty.check("usage.p95", TRIES, samples(), samples -> {
            String id = funded("50.00");
            String neighbour = funded("0");
            String prefix = "bw-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            List<Map<String, Object>> records = new ArrayList<>();
            for (Sample s : samples) {
                records.add(UsageRecords.bandwidth(id, prefix + s.resource(), cycle.atDay(1 + s.day()), s.slot(),
                        s.value(),
                        s.measure()));
            }
            // the same resource id metered for someone else counts for no one else
            records.add(UsageRecords.bandwidth(neighbour, prefix + "0", cycle.atDay(1), 0, new BigDecimal("100000")));
            internal("/internal/v1/usage-records", Map.of("records", records)).statusCode(200)
                    .body("accepted", equalTo(records.size()));
            internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);

            Map<Integer, List<BigDecimal>> byResource = new TreeMap<>();
            Map<String, List<BigDecimal>> byResourceAndDay = new TreeMap<>();
            samples.forEach(s -> {
                byResource.computeIfAbsent(s.resource(), r -> new ArrayList<>()).add(s.mbps());
                byResourceAndDay.computeIfAbsent(s.resource() + "|" + cycle.atDay(1 + s.day()), k -> new ArrayList<>())
                        .add(s.mbps());
            });
            JsonPath summary = usage(id, "summary", cycle, Map.of("limit", "1000"));
            String[] fields = {"resource_id", "actual_days", "band_width", "monthly_peak_band_width"};
            List<String> expected = new ArrayList<>();
            byResource.forEach((resource, values) -> {
                Map<String, Object> row = new HashMap<>();
                row.put("resource_id", prefix + resource);
                row.put("actual_days", byResourceAndDay.keySet().stream().filter(k -> k.startsWith(resource + "|"))
                        .count());
                row.put("band_width", ninetyFifth(values));
                row.put("monthly_peak_band_width", values.stream().max(BigDecimal::compareTo).orElseThrow());
                expected.add(key(row, fields));
            });
            assertThat(sorted(rows(summary, "summary_usage_info_list").stream().map(r -> key(r, fields)).toList()))
                    .as("summary of " + samples).isEqualTo(sorted(expected));
            assertThat(summary.getLong("total_count")).isEqualTo(byResource.size());

            List<String> billed = new ArrayList<>();
            byResource.keySet().forEach(resource -> {
                JsonPath details = usage(id, "details", cycle, Map.of("resource_id", prefix + resource, "limit",
                        "1000"));
                Map<String, String> days = new TreeMap<>();
                rows(details, "usage_info_list").forEach(d -> days.put((String) d.get("stat_time"),
                        text(d.get("usage"))));
                Map<String, String> expectedDays = new TreeMap<>();
                byResourceAndDay.forEach((k, values) -> {
                    if (k.startsWith(resource + "|")) {
                        expectedDays.put(k.substring(k.indexOf('|') + 1), text(ninetyFifth(values)));
                    }
                });
                assertThat(days).as("daily 95th percentiles of " + prefix + resource).isEqualTo(expectedDays);
                assertThat(details.getLong("total_count")).isEqualTo(expectedDays.size());
                assertThat(text(details.getString("band_width")))
                        .isEqualTo(text(ninetyFifth(byResource.get(resource))));
                expectedDays.forEach((day, p95) -> billed.add("bill_date=" + day + "|resource_id=" + prefix + resource
                        + "|usage=" + p95 + "|official_amount=" + text(new BigDecimal(p95).multiply(PRICE_PER_MBPS_DAY)
                        .setScale(8, RoundingMode.HALF_UP)) + "|period_type=24"));
            });
            JsonPath lines = BillViews.get(id, BillViews.RES_FEE_RECORDS, Map.of("cycle", cycle.toString(), "limit",
                    "1000"));
            assertThat(sorted(rows(lines, "fee_records").stream().map(r -> key(r, "bill_date", "resource_id", "usage",
                    "official_amount", "period_type")).toList())).as("bill lines of " + samples)
                    .isEqualTo(sorted(billed));
        });
    }

    /** The smallest sample that at least 95% of the samples do not exceed. */
    static BigDecimal ninetyFifth(List<BigDecimal> values) {
        List<BigDecimal> ordered = values.stream().sorted().toList();
        for (int i = 1; i <= ordered.size(); i++) {
            if (i * 100 >= 95 * ordered.size()) {
                return ordered.get(i - 1);
            }
        }
        throw new IllegalArgumentException("no samples");
    }

    static Arbitrary<List<Sample>> samples() {
        Arbitrary<Sample> sample = Arbitraries.of(15, 15, 16, 18).flatMap(measure -> Combinators.combine(
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 287), switch (measure) {
                    case 16 -> Arbitraries.integers().between(0, 2_000_000)
                            .withDistribution(RandomDistribution.uniform())
                            .map(BigDecimal::valueOf);
                    case 18 -> Arbitraries.integers().between(0, 2_000).withDistribution(RandomDistribution.uniform())
                            .map(g -> BigDecimal.valueOf(g, 3));
                    default -> Arbitraries.integers().between(0, 2_000).withDistribution(RandomDistribution.uniform())
                            .map(BigDecimal::valueOf);
                }).as((resource, day, slot, value) -> new Sample(resource, day, slot, value, measure)));
        return sample.list().ofMinSize(1).ofMaxSize(80).withSizeDistribution(RandomDistribution.uniform());
    }

    @Test
    void usageRatedAfterItsCycleEndedIsBilledInTheCycleOfItsHourOrDay() {
        String id = funded("50.00");
        YearMonth current = YearMonth.from(BssTime.businessDate(Instant.now()));
        YearMonth before = current.minusMonths(2);
        YearMonth last = current.minusMonths(1);
        // the last hour of the month before last and the first of last month, in UTC+8
        Instant lastHour = BssTime.startOf(last.atDay(1)).minus(1, ChronoUnit.HOURS);
        Instant firstHour = BssTime.startOf(last.atDay(1));
        internal("/internal/v1/usage-records", Map.of("records", List.of(
                UsageRecords.server(id, "vm-edge", lastHour, "1"), UsageRecords.server(id, "vm-edge", firstHour, "2"),
                UsageRecords.bandwidth(id, "bw-edge", before.atEndOfMonth(), 287, new BigDecimal("10"), 15),
                UsageRecords.bandwidth(id, "bw-edge", last.atDay(1), 0, new BigDecimal("20"), 15)))).statusCode(200);
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
        // more of that last hour, metered only now
        internal("/internal/v1/usage-records", Map.of("records", List.of(UsageRecords.server(id, "vm-edge", lastHour,
                "3"))))
                .statusCode(200);
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);

        assertThat(lines(id, before)).containsExactlyInAnyOrder(
                "bill_date=" + before.atEndOfMonth() + "|resource_id=vm-edge|usage=1",
                "bill_date=" + before.atEndOfMonth() + "|resource_id=vm-edge|usage=3",
                "bill_date=" + before.atEndOfMonth() + "|resource_id=bw-edge|usage=10");
        assertThat(lines(id, last)).containsExactlyInAnyOrder(
                "bill_date=" + last.atDay(1) + "|resource_id=vm-edge|usage=2",
                "bill_date=" + last.atDay(1) + "|resource_id=bw-edge|usage=20");
        assertThat(lines(id, current)).isEmpty();
        JsonPath fees = BillViews.get(id, BillViews.FEE_RECORDS, Map.of("bill_cycle", before.toString(),
                "service_type_code", ECS));
        assertThat(fees.getList("records.trade_time", String.class))
                .containsOnly(BssTime.formatWire(lastHour));
        JsonPath sum = BillViews.get(id, BillViews.MONTHLY_SUM, Map.of("bill_cycle", before.toString()));
        assertThat(sum.getObject("consume_amount", BigDecimal.class)).isEqualByComparingTo(
                PRICE_PER_HOUR.multiply(BigDecimal.valueOf(4)).add(PRICE_PER_MBPS_DAY.multiply(BigDecimal.TEN)));
        assertThat(usage(id, "summary", before, Map.of()).getString("summary_usage_info_list[0].band_width"))
                .isEqualTo("10");
        assertThat(usage(id, "summary", last, Map.of()).getString("summary_usage_info_list[0].band_width"))
                .isEqualTo("20");
    }

    @Test
    void usageSentAgainOrRatedByConcurrentRunsIsChargedOnce() {
        String id = funded("50.00");
        LocalDate day = BssTime.businessDate(Instant.now()).minusDays(1);
        List<Map<String, Object>> records = IntStream.range(0, 6).mapToObj(h -> UsageRecords.server(id, "vm-once",
                BssTime.startOf(day).plus(h, ChronoUnit.HOURS), "1")).toList();
        internal("/internal/v1/usage-records", Map.of("records", records)).statusCode(200)
                .body("accepted", equalTo(6));
        List<CompletableFuture<Void>> runs = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.runAsync(() ->
                internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200))).toList();
        runs.forEach(CompletableFuture::join);
        internal("/internal/v1/usage-records", Map.of("records", records)).statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(6));
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
        JsonPath fees = BillViews.get(id, BillViews.FEE_RECORDS, Map.of("bill_cycle",
                YearMonth.from(day).toString()));
        assertThat(fees.getLong("total_count")).isEqualTo(6);
        assertThat(fees.getList("records.trade_id", String.class)).doesNotHaveDuplicates();
        given().header("Authorization", customer(id)).get("/v2/accounts/customer-accounts/balances").then()
                .body("account_balances.find { it.account_type == 1 }.amount", equalTo(48.2f));
    }

    @Test
    void meteringThatCannotBeRatedIsRefusedNamingTheField() {
        String id = funded("0");
        Instant hour = BssTime.startOf(BssTime.businessDate(Instant.now()).minusDays(1));
        Map<String, Object> stranger = UsageRecords.server("nobody-" + id, "vm", hour, "1");
        internal("/internal/v1/usage-records", Map.of("records", List.of(UsageRecords.server(id, "vm", hour, "1"),
                stranger)))
                .statusCode(400).body("error_msg", containsString("records[1].customer_id"));
        Map<String, Object> bytes = UsageRecords.server(id, "vm", hour, "1");
        bytes.put("usage_measure_id", 10);
        internal("/internal/v1/usage-records", Map.of("records", List.of(bytes))).statusCode(400)
                .body("error_msg", containsString("records[0].usage_measure_id"));
        Map<String, Object> backwards = UsageRecords.server(id, "vm", hour, "1");
        backwards.put("end_time", BssTime.formatWire(hour.minus(1, ChronoUnit.MINUTES)));
        internal("/internal/v1/usage-records", Map.of("records", List.of(backwards))).statusCode(400)
                .body("error_msg", containsString("records[0].end_time"));
        Map<String, Object> disk = UsageRecords.server(id, "disk", hour, "1");
        disk.put("service_type_code", "hws.service.type.ebs");
        disk.put("resource_type_code", "hws.resource.type.volume");
        disk.put("resource_spec", "SSD");
        internal("/internal/v1/usage-records", Map.of("records", List.of(disk))).statusCode(400)
                .body("error_msg", containsString("records[0].resource_size"));
        // nothing of a refused batch was kept
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
        assertThat(BillViews.get(id, BillViews.FEE_RECORDS, Map.of("bill_cycle",
                YearMonth.from(BssTime.businessDate(hour)).toString())).getLong("total_count")).isZero();
    }

    private static List<String> lines(String id, YearMonth cycle) {
        return rows(BillViews.get(id, BillViews.RES_FEE_RECORDS, Map.of("cycle", cycle.toString(), "limit", "1000")),
                "fee_records").stream().map(r -> key(r, "bill_date", "resource_id", "usage")).toList();
    }

    private static JsonPath usage(String id, String view, YearMonth cycle, Map<String, String> more) {
        Map<String, String> query = new HashMap<>(more);
        query.put("bill_cycle", cycle.toString());
        query.put("service_type_code", VPC);
        query.put("resource_type_code", BANDWIDTH);
        query.put("usage_type", "bandwidth95");
        return BillViews.get(id, "/v2/bills/customer-bills/resources/usage/" + view, query);
    }
}
