package io.openbss.billing.bills;

import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.service;
import static io.openbss.billing.bills.BillViews.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.bills.ListOperation.Filter;
import io.openbss.common.time.BssTime;
import io.openbss.common.time.ShiftableClock;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Paging and filters of the list operations of bills, usage and resource packages. For any operation, filter,
 * offset and limit: the total is the number of matching rows whatever the page; a page is the matching rows from the
 * offset; pages concatenate to all of them, without duplicates or gaps; a filter returns exactly the rows of the
 * unfiltered list that match it, in the same order. A customer sees its own rows and those of a sub-account whose
 * bills it may see, never another customer's.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingAndFiltersTest {

    static final int TRIES = 30;
    static final List<String> SERVICES = List.of(HistoryPlayer.ECS, HistoryPlayer.EVS, "hws.service.type.vpc");
    static final List<String> TYPES = List.of(HistoryPlayer.VM, HistoryPlayer.VOLUME, "hws.resource.type.bandwidth");
    static final List<String> REGIONS = List.of("cn-north-4", "cn-east-3");

    @Inject
    ShiftableClock clock;

    String master;
    String sub;
    String hidden;
    String other;
    YearMonth cycle;
    int masterLines;
    int subLines;
    List<ListOperation> operations;
    final Map<String, List<Map<String, Object>>> unfiltered = new HashMap<>();

    @BeforeEach
    void billsOfAMasterItsSubAccountsAndAStranger() {
        if (master != null) {
            return;
        }
        cycle = YearMonth.from(BssTime.businessDate(Instant.now())).minusMonths(1);
        master = funded("0");
        sub = funded("1000.00");
        hidden = funded("1000.00");
        other = funded("1000.00");
        associate(sub, true);
        associate(hidden, false);
        List<List<Map<String, Object>>> trades = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trades.add(purchase("m-" + i, i));
            masterLines += trades.getLast().size();
        }
        BigDecimal bought = trades.stream().flatMap(List::stream).map(l -> (BigDecimal) l.get("amount"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // exactly what the purchases cost and a little more: the usage rated after them runs into arrears
        recharge("fund-" + master, master, bought.add(BigDecimal.ONE).toPlainString()).statusCode(200);
        for (int i = 0; i < trades.size(); i++) {
            buy(master, "m-" + i, trades.get(i), i);
        }
        refundFirstLine(trades.getFirst());
        masterLines++;
        List<Map<String, Object>> usage = new ArrayList<>();
        for (int day = 3; day <= 8; day++) {
            usage.add(UsageRecords.server(master, "vm-u" + day % 2, BssTime.startOf(cycle.atDay(day))
                    .plus(1, ChronoUnit.HOURS), "2"));
            masterLines++;
        }
        for (int k = 0; k < 6; k++) {
            for (int day = 1; day <= k + 1; day++) {
                usage.add(UsageRecords.bandwidth(master, "bw-" + k, cycle.atDay(day), 10, BigDecimal.valueOf(10 + k)));
                masterLines++;
            }
        }
        for (int i = 0; i < 3; i++) {
            List<Map<String, Object>> lines = purchase("s-" + i, i + 1);
            buy(sub, "s-" + i, lines, i + 1);
            subLines += lines.size();
        }
        buy(hidden, "h-0", purchase("h-0", 2), 2);
        buy(other, "o-0", purchase("m-0", 0), 0);
        usage.add(UsageRecords.bandwidth(other, "bw-0", cycle.atDay(1), 11, new BigDecimal("900")));
        packages(master, usage);
        packages(other, usage);
        internal("/internal/v1/usage-records", Map.of("records", usage)).statusCode(200);
        internal("/internal/v1/usage-records/ratings", Map.of()).statusCode(200);
        operations = operations();
    }

    /** The lines of purchase {@code i}: 1 to 3 resources of various services, regions, projects and bill types. */
    private List<Map<String, Object>> purchase(String prefix, int i) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int j = 0; j <= i % 3; j++) {
            int k = i + j;
            Instant effective = BssTime.startOf(cycle.atDay(2 + 2 * i)).plus(2, ChronoUnit.HOURS);
            BigDecimal amount = i == 4 && j == 0 ? BigDecimal.ZERO : new BigDecimal(10 + 3 * i + j + ".25");
            Map<String, Object> line = new HashMap<>();
            line.put("service_type_code", SERVICES.get(k % 3));
            line.put("resource_type_code", TYPES.get(k % 3));
            line.put("region_code", REGIONS.get(k % 2));
            line.put("resource_id", prefix + "-" + j);
            line.put("resource_name", "name-" + k % 2);
            if (k % 3 != 2) {
                line.put("enterprise_project_id", "ep-" + k % 3);
            }
            line.put("bill_type", i % 4 == 3 ? 2 : 1);
            line.put("charging_mode", 1);
            line.put("period_type", 20);
            line.put("official_amount", amount);
            line.put("discount_amount", BigDecimal.ZERO);
            line.put("amount", amount);
            line.put("effective_time", BssTime.formatWire(effective));
            line.put("expire_time", BssTime.formatWire(effective.atZone(BssTime.BUSINESS_ZONE).plusMonths(1)
                    .toInstant()));
            lines.add(line);
        }
        return lines;
    }

    private void buy(String customerId, String trade, List<Map<String, Object>> lines, int i) {
        Instant at = BssTime.startOf(cycle.atDay(2 + 2 * i)).plus(2, ChronoUnit.HOURS);
        charge(trade + "-" + customerId, customerId, lines, Map.of("business_time", BssTime.formatWire(at)))
                .statusCode(200);
    }

    private void refundFirstLine(List<Map<String, Object>> trade) {
        Map<String, Object> line = new HashMap<>(trade.getFirst());
        line.put("bill_type", 4);
        line.put("official_amount", new BigDecimal("-5.00"));
        line.put("amount", new BigDecimal("-5.00"));
        clock.offset(Duration.between(Instant.now(), BssTime.startOf(cycle.atDay(25))));
        try {
            internal("/internal/v1/ledger/refunds", Map.of("idempotency_key", "refund-" + master, "customer_id",
                    master, "trade_id", "RF-" + master, "refunds_trade_id", "CS-m-0-" + master, "lines",
                    List.of(line))).statusCode(200);
        } finally {
            clock.reset();
        }
    }

    /**
     * Packages of every status, regions, products, orders and projects; OBS traffic of the 15th uses two of them
     * (one until it is used up) hour by hour.
     */
    private void packages(String customerId, List<Map<String, Object>> usage) {
        Instant now = Instant.now();
        Instant traffic = BssTime.startOf(cycle.atDay(15));
        Instant longAgo = traffic.minus(30, ChronoUnit.DAYS);
        Instant far = now.plus(300, ChronoUnit.DAYS);
        record Spec(String region, String product, String order, String project, String service, Instant effective,
                Instant expire, BigDecimal amount) {
        }
        List<Spec> specs = List.of(
                new Spec("cn-north-4", "P-1", null, null, "hws.service.type.obs", longAgo, far, new BigDecimal("5")),
                new Spec("cn-north-4", "P-2", "ord-1", "ep-0", "hws.service.type.obs", longAgo, far.plusSeconds(60),
                        new BigDecimal("100")),
                new Spec("cn-east-3", "P-1", "ord-1", null, "hws.service.type.obs", longAgo, far, BigDecimal.TEN),
                new Spec("cn-north-4", "P-3", null, "ep-1", "hws.service.type.vpc", longAgo, traffic, BigDecimal.TEN),
                new Spec("cn-north-4", "P-2", "ord-2", null, "hws.service.type.obs", now.plus(5, ChronoUnit.DAYS), far,
                        BigDecimal.ONE),
                new Spec("cn-east-3", "P-3", "ord-2", "ep-0", "hws.service.type.vpc", longAgo, far, BigDecimal.TEN));
        List<String> ids = new ArrayList<>();
        for (Spec s : specs) {
            Map<String, Object> body = new HashMap<>();
            body.put("idempotency_key", "pkg-" + UUID.randomUUID());
            body.put("customer_id", customerId);
            body.put("order_id", s.order());
            body.put("product_id", s.product());
            body.put("product_name", "name of " + s.product());
            body.put("service_type_code", s.service());
            body.put("region_code", s.region());
            body.put("enterprise_project_id", s.project());
            body.put("effective_time", BssTime.formatWire(s.effective()));
            body.put("expire_time", BssTime.formatWire(s.expire()));
            body.put("free_resources", List.of(Map.of("resource_type_code", "hws.resource.type.obs",
                    "usage_type_code", "downflow", "amount", s.amount(), "measure_id", 10)));
            ids.add(internal("/internal/v1/free-resource-packages", body).statusCode(200).extract().path("package_id"));
        }
        given().header("Authorization", service()).delete("/internal/v1/free-resource-packages/{id}", ids.get(5))
                .then().statusCode(204);
        for (int h = 0; h < 9; h++) {
            usage.add(UsageRecords.traffic(customerId, "obs-" + h % 3, traffic.plus(h, ChronoUnit.HOURS),
                    new BigDecimal("1.5")));
        }
        if (customerId.equals(master)) {
            masterLines += 9;
        }
    }

    private void associate(String subId, boolean billsVisible) {
        given().header("Authorization", service()).contentType(ContentType.JSON)
                .body(Map.of("master_customer_id", master, "bills_visible", billsVisible))
                .put("/internal/v1/customers/{id}/association", subId).then().statusCode(200);
    }

    /** Picks (modulo what there is) an operation, a filter (none when negative), its value, an offset, a limit. */
    record Case(int operation, int filter, int value, int offset, int limit) {
    }

    @Test
    void everyPageIsTheMatchingRowsFromItsOffsetAndTheTotalCountsThemAll() {
        Arbitrary<Case> cases = Combinators.combine(Arbitraries.integers().between(0, 999),
                        Arbitraries.integers().between(-2, 999), Arbitraries.integers().between(0, 999),
                        Arbitraries.integers().between(0, 60), Arbitraries.integers().between(1, 25))
                .as(Case::new);
        SampledProperty.check("lists.paging", TRIES, cases, c -> {
            ListOperation operation = operations.get(c.operation() % operations.size());
            List<Map<String, Object>> all = unfiltered(operation);
            List<Map<String, Object>> matching = all;
            Map<String, Object> parameters = Map.of();
            String what = operation.name();
            if (c.filter() >= 0 && !operation.filters().isEmpty()) {
                Filter filter = operation.filters().get(c.filter() % operation.filters().size());
                List<String> values = all.stream().map(filter.field()).filter(Objects::nonNull)
                        .filter(v -> !v.equals("null")).distinct().sorted().toList();
                if (!values.isEmpty() || filter.only() != null) {
                    String value = filter.only() != null ? filter.only() : values.get(c.value() % values.size());
                    parameters = filter.parameters().apply(value);
                    matching = all.stream().filter(row -> filter.selects(row, value)).toList();
                    what += " " + parameters;
                    JsonPath filtered = operation.call().page(parameters, 0, operation.maxLimit());
                    assertThat(ids(operation, operation.rows(filtered))).as("the rows %s selects", what)
                            .isEqualTo(ids(operation, matching));
                    assertThat(operation.total(filtered)).as(what).isEqualTo(matching.size());
                }
            }
            int limit = c.limit();
            int offset = c.offset() % (matching.size() + 3);
            if (operation.pageNumbers()) {
                offset -= offset % limit;
            }
            JsonPath page = operation.call().page(parameters, offset, limit);
            assertThat(ids(operation, operation.rows(page))).as("%s from %d, %d rows", what, offset, limit)
                    .isEqualTo(ids(operation, matching.subList(Math.min(offset, matching.size()),
                            Math.min(offset + limit, matching.size()))));
            assertThat(operation.total(page)).as("total of %s from %d, %d rows", what, offset, limit)
                    .isEqualTo(matching.size());
            if (matching.size() <= 6L * limit) {
                List<String> walked = new ArrayList<>();
                for (int from = 0; from <= matching.size(); from += limit) {
                    walked.addAll(ids(operation, operation.rows(operation.call().page(parameters, from, limit))));
                }
                assertThat(walked).as("pages of %d rows of %s", limit, what).isEqualTo(ids(operation, matching));
            }
        });
    }

    @Test
    void aCustomerSeesItsRowsAndThoseOfSubAccountsThatShowTheirBillsOnly() {
        Map<String, Object> inCycle = Map.of("bill_cycle", cycle.toString(), "limit", "1000");
        JsonPath mine = BillViews.get(master, BillViews.FEE_RECORDS, inCycle);
        assertThat(mine.getList("records.customer_id", String.class).stream()
                .collect(Collectors.groupingBy(c -> c, Collectors.counting())))
                .isEqualTo(Map.of(master, (long) masterLines, sub, (long) subLines));
        JsonPath theirs = BillViews.get(other, BillViews.FEE_RECORDS, inCycle);
        assertThat(theirs.getList("records.customer_id", String.class)).containsOnly(other);
        JsonPath theSub = BillViews.get(sub, BillViews.FEE_RECORDS, inCycle);
        assertThat(theSub.getList("records.customer_id", String.class)).containsOnly(sub).hasSize(subLines);
        // a resource id that the stranger uses too: only the caller's own
        JsonPath resource = BillViews.get(master, BillViews.RES_FEE_RECORDS, Map.of("cycle", cycle.toString(),
                "resource_id", "m-0-0", "limit", "1000"));
        assertThat(resource.getList("fee_records.customer_id", String.class)).containsOnly(master).hasSize(2);
        JsonPath usage = BillViews.get(master, "/v2/bills/customer-bills/resources/usage/details", Map.of(
                "bill_cycle", cycle.toString(), "service_type_code", "hws.service.type.vpc", "resource_type_code",
                "hws.resource.type.bandwidth", "usage_type", "bandwidth95", "resource_id", "bw-0"));
        assertThat(usage.getString("monthly_peak_band_width")).isEqualTo("10");
        given().header("Authorization", customer(master)).queryParams(Map.of("bill_cycle", cycle.toString(),
                        "method", "sub_customer", "sub_customer_id", hidden))
                .get(BillViews.FEE_RECORDS).then().statusCode(403);
        assertThat(BillViews.post(master, "/v3/payments/free-resources/query", Map.of("limit", 100))
                .getLong("total_count")).isEqualTo(6);
    }

    @Test
    void theMonthlySumsTotalsAreTheWholeMonthsOnEveryPage() {
        JsonPath whole = BillViews.get(master, BillViews.MONTHLY_SUM, Map.of("bill_cycle", cycle.toString(),
                "limit", "1000"));
        List<String> totals = List.of("consume_amount", "cash_amount", "credit_amount", "coupon_amount",
                "stored_value_card_amount", "debt_amount", "writeoff_amount");
        for (int offset = 0; offset <= whole.getInt("total_count"); offset += 2) {
            JsonPath page = BillViews.get(master, BillViews.MONTHLY_SUM, Map.of("bill_cycle", cycle.toString(),
                    "offset", String.valueOf(offset), "limit", "2"));
            for (String total : totals) {
                assertThat(page.getObject(total, BigDecimal.class)).as("%s from %d", total, offset)
                        .isEqualByComparingTo(whole.getObject(total, BigDecimal.class));
            }
        }
        assertThat(whole.getObject("debt_amount", BigDecimal.class)).as("usage ran into arrears").isPositive();
    }

    private List<Map<String, Object>> unfiltered(ListOperation operation) {
        return unfiltered.computeIfAbsent(operation.name(), name -> {
            JsonPath all = operation.call().page(Map.of(), 0, operation.maxLimit());
            List<Map<String, Object>> rows = operation.rows(all);
            assertThat(operation.total(all)).as(name).isEqualTo(rows.size());
            assertThat(rows).as(name).isNotEmpty();
            assertThat(ids(operation, rows)).as("rows of %s are told apart", name).doesNotHaveDuplicates();
            return rows;
        });
    }

    private static List<String> ids(ListOperation operation, List<Map<String, Object>> rows) {
        return rows.stream().map(operation.identity()).toList();
    }

    private List<ListOperation> operations() {
        String c = cycle.toString();
        BiFunction<Integer, Integer, Map<String, Object>> text = (offset, limit) -> Map.of("offset",
                String.valueOf(offset), "limit", String.valueOf(limit));
        BiFunction<Integer, Integer, Map<String, Object>> numbers = (offset, limit) -> Map.of("offset", offset,
                "limit", limit);
        Filter method = Filter.of("method", row -> master.equals(row.get("customer_id")) ? "oneself" : "sub_customer",
                value -> value.equals("oneself") ? Map.of("method", value)
                        : Map.of("method", value, "sub_customer_id", sub));
        List<ListOperation> list = new ArrayList<>();
        list.add(new ListOperation("fee records", 1000, false, (f, o, l) -> BillViews.get(master,
                BillViews.FEE_RECORDS, ListOperation.with(Map.of("bill_cycle", c), f, o, l, text)), "records",
                "total_count", row -> (String) row.get("id"), List.of(
                        Filter.equal("service_type_code", "service_type_code"),
                        Filter.equal("resource_type_code", "resource_type_code"),
                        Filter.equal("region_code", "region_code"), Filter.equal("charging_mode", "charging_mode"),
                        Filter.equal("bill_type", "bill_type"), Filter.equal("trade_id", "trade_id"),
                        Filter.equal("enterprise_project_id", "enterprise_project_id"),
                        Filter.equal("status", "status"), method,
                        new Filter("include_zero_record", row -> payable(row, "official_amount",
                                "official_discount_amount").signum() == 0 ? "zero" : "false",
                                value -> Map.of("include_zero_record", value), "false", false),
                        Filter.of("bill_date", row -> BssTime.businessDate(Instant.parse((String) row.get(
                                "trade_time"))).toString(), day -> Map.of("bill_date_begin", day, "bill_date_end",
                                day)))));
        List<Filter> resourceFilters = List.of(Filter.equal("cloud_service_type", "cloud_service_type"),
                Filter.equal("region", "region"), Filter.equal("charge_mode", "charge_mode"),
                Filter.equal("bill_type", "bill_type"), Filter.equal("resource_id", "resource_id"),
                Filter.equal("enterprise_project_id", "enterprise_project_id"), method,
                new Filter("include_zero_record", row -> ((BigDecimal) row.get("amount")).signum() == 0 ? "zero"
                        : "false", value -> Map.of("include_zero_record", value), "false", false));
        List<Filter> lineFilters = new ArrayList<>(resourceFilters);
        lineFilters.add(Filter.equal("trade_id", "trade_id"));
        lineFilters.add(Filter.of("bill_date", row -> (String) row.get("bill_date"), day -> Map.of("bill_date_begin",
                day, "bill_date_end", day)));
        list.add(new ListOperation("resource records", 1000, false, (f, o, l) -> BillViews.get(master,
                BillViews.RES_FEE_RECORDS, ListOperation.with(Map.of("cycle", c), f, o, l, text)), "fee_records",
                "total_count", row -> (String) row.get("id"), lineFilters));
        list.add(new ListOperation("resource records per resource", 1000, false, (f, o, l) -> BillViews.get(master,
                BillViews.RES_FEE_RECORDS, ListOperation.with(Map.of("cycle", c, "statistic_type", "1"), f, o, l,
                        text)), "fee_records", "total_count", row -> (String) row.get("id"), resourceFilters));
        List<Filter> detailFilters = List.of(Filter.equal("cloud_service_type", "cloud_service_type"),
                Filter.equal("resource_type", "resource_Type_code"), Filter.equal("region", "region"),
                Filter.equal("res_instance_id", "res_instance_id"),
                Filter.of("charge_mode", row -> text(row.get("charge_mode")), v -> Map.of("charge_mode",
                        Integer.valueOf(v))),
                Filter.of("bill_type", row -> text(row.get("bill_type")), v -> Map.of("bill_type", Integer.valueOf(v))),
                Filter.equal("enterprise_project_id", "enterprise_project_id"),
                Filter.equal("payer_account_id", "payer_account_id"), method,
                new Filter("include_zero_record", row -> ((BigDecimal) row.get("consume_amount")).signum() == 0
                        ? "zero" : "false", value -> Map.of("include_zero_record", false), "false", false));
        for (int statistic = 1; statistic <= 3; statistic++) {
            Map<String, Object> fixed = Map.of("cycle", c, "statistic_type", statistic);
            list.add(new ListOperation("resource details of statistic_type " + statistic, 1000, false,
                    (f, o, l) -> BillViews.post(master, BillViews.RES_RECORDS, ListOperation.with(fixed, f, o, l,
                            numbers)), "monthly_records", "total_count", row -> (String) row.get("id"),
                    detailFilters));
        }
        list.add(new ListOperation("monthly breakdown", 1000, false, (f, o, l) -> BillViews.get(master,
                BillViews.BREAKDOWN, ListOperation.with(Map.of("shared_month", c), f, o, l, text)), "details",
                "total_count", row -> new TreeMap<>(row).toString(), List.of(
                        Filter.equal("service_type_code", "service_type_code"),
                        Filter.equal("resource_type_code", "resource_type_code"),
                        Filter.equal("region_code", "region_code"), Filter.equal("charging_mode", "charging_mode"),
                        Filter.equal("bill_type", "bill_type"), Filter.equal("resource_id", "resource_id"),
                        Filter.equal("resource_name", "resource_name"),
                        Filter.equal("enterprise_project_id", "enterprise_project_id"), method)));
        list.add(new ListOperation("monthly sums", 1000, false, (f, o, l) -> BillViews.get(master,
                BillViews.MONTHLY_SUM, ListOperation.with(Map.of("bill_cycle", c), f, o, l, text)), "bill_sums",
                "total_count", row -> BillViews.key(row, "customer_id", "service_type_code", "resource_type_code",
                "charging_mode", "bill_type"), List.of(Filter.equal("service_type_code", "service_type_code"),
                        method)));
        list.add(new ListOperation("legacy resource records", 1000, true, (f, o, l) -> BillViews.get(master,
                "/v1.0/" + master + "/customer/account-mgr/bill/res-records", ListOperation.with(Map.of("cycle", c,
                        "payMethod", "0"), f, o, l, (offset, limit) -> Map.of("offset", String.valueOf(offset / limit
                        + 1), "limit", String.valueOf(limit)))), "monthlyRecords", "totalCount",
                row -> BillViews.key(row, "resInstanceId", "consumeAmount"), List.of(
                        Filter.equal("cloudServiceTypeCode", "cloudServiceTypeCode"),
                        Filter.equal("resourceTypeCode", "resourceTypeCode"),
                        Filter.equal("regionCode", "regionCode"), Filter.equal("resInstanceId", "resInstanceId"),
                        Filter.equal("enterpriseProjectId", "enterpriseProjectId"))));
        List<String> dimensions = List.of("RESOURCE_ID", "BILL_TYPE", "REGION_CODE");
        List<Filter> costFilters = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            int d = i;
            for (int operator = 0; operator <= 1; operator++) {
                int op = operator;
                costFilters.add(new Filter(dimensions.get(d) + (op == 1 ? " not" : ""), row -> dimension(row, d),
                        value -> Map.of("filters", List.of(Map.of("operator", op, "filter_factor", Map.of("key",
                                dimensions.get(d), "value", List.of(value))))), null, op == 1));
            }
        }
        list.add(new ListOperation("costs", 1000, false, (f, o, l) -> BillViews.post(master, BillViews.COSTS,
                ListOperation.with(Map.of("time_condition", Map.of("time_measure_id", 2, "begin_time", c, "end_time",
                        c), "groupby", dimensions.stream().map(k -> Map.of("type", "dimension", "key", k)).toList()),
                        f, o, l, numbers)), "cost_data", "total_count",
                row -> dimension(row, 0) + "|" + dimension(row, 1) + "|" + dimension(row, 2), costFilters));
        Map<String, Object> bandwidth = Map.of("bill_cycle", c, "service_type_code", "hws.service.type.vpc",
                "resource_type_code", "hws.resource.type.bandwidth", "usage_type", "bandwidth95");
        list.add(new ListOperation("usage summary", 1000, false, (f, o, l) -> BillViews.get(master,
                "/v2/bills/customer-bills/resources/usage/summary", ListOperation.with(bandwidth, f, o, l, text)),
                "summary_usage_info_list", "total_count", row -> (String) row.get("resource_id"), List.of()));
        Map<String, Object> oneResource = new HashMap<>(bandwidth);
        oneResource.put("resource_id", "bw-5");
        list.add(new ListOperation("usage details", 1000, false, (f, o, l) -> BillViews.get(master,
                "/v2/bills/customer-bills/resources/usage/details", ListOperation.with(oneResource, f, o, l, text)),
                "usage_info_list", "total_count", row -> (String) row.get("stat_time"), List.of()));
        list.add(new ListOperation("resource packages", 100, false, (f, o, l) -> BillViews.post(master,
                "/v3/payments/free-resources/query", ListOperation.with(Map.of(), f, o, l, numbers)),
                "free_resource_packages", "total_count", row -> (String) row.get("order_instance_id"), List.of(
                        Filter.equal("region_code", "region_code"), Filter.equal("order_id", "order_id"),
                        Filter.equal("product_id", "product_id"), Filter.equal("product_name", "product_name"),
                        Filter.equal("enterprise_project_id", "enterprise_project_id"),
                        Filter.of("status", row -> text(row.get("status")), v -> Map.of("status",
                                Integer.valueOf(v))),
                        Filter.of("service_type_code_list", row -> (String) row.get("service_type_code"),
                                v -> Map.of("service_type_code_list", List.of(v))))));
        LocalDate traffic = cycle.atDay(15);
        list.add(new ListOperation("resource package usage", 1000, false, (f, o, l) -> BillViews.get(master,
                "/v2/bills/customer-bills/free-resources-usage-records", ListOperation.with(Map.of(
                        "deduct_time_begin", traffic.toString(), "deduct_time_end", traffic.toString()), f, o, l,
                        text)), "free_resource_records", "total_count", row -> new TreeMap<>(row).toString(),
                List.of(Filter.equal("free_resource_id", "free_resource_id"), Filter.equal("product_id", "product_id"),
                        Filter.equal("resource_type_code", "resource_type_code"))));
        return list;
    }

    private static BigDecimal payable(Map<String, Object> row, String official, String discount) {
        return ((BigDecimal) row.get(official)).subtract((BigDecimal) row.get(discount));
    }

    private static String dimension(Map<String, Object> row, int index) {
        return (String) BillViews.rows(row, "dimensions").get(index).get("value");
    }
}
