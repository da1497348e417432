package io.openbss.orders.orders;

import static io.openbss.orders.orders.OrdersTestSupport.customer;
import static io.openbss.orders.orders.OrdersTestSupport.importOrders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerOrdersResourceTest {

    static final String PATH = "/v2/orders/customer-orders";
    static final String[] SERVICE_TYPES = {"hws.service.type.ebs", "hws.service.type.ec2", "hws.service.type.vpc"};
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    final String me = "me" + UUID.randomUUID().toString().replace("-", "");
    final String other = "ot" + UUID.randomUUID().toString().replace("-", "");
    final String sub = "sb" + UUID.randomUUID().toString().replace("-", "");
    final List<Map<String, Object>> all = new ArrayList<>();

    /** Once per class: REST Assured knows the test port only from the first test on. */
    @BeforeEach
    void importRandomOrders() {
        if (!all.isEmpty()) {
            return;
        }
        Random random = new Random(20261123);
        for (int i = 0; i < 90; i++) {
            String owner = i % 3 == 0 ? me : i % 3 == 1 ? other : sub;
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("order_id", "CS" + owner.substring(0, 6).toUpperCase(Locale.ROOT) + String.format("%04d", i));
            order.put("customer_id", owner);
            if (owner.equals(sub)) {
                order.put("payer_customer_id", me);
            }
            order.put("service_type_code", SERVICE_TYPES[random.nextInt(SERVICE_TYPES.length)]);
            order.put("service_type_name", "service");
            order.put("source_type", 1);
            int status = List.of(3, 4, 5, 6).get(random.nextInt(4));
            order.put("status", status);
            order.put("order_type", List.of(1, 2, 4).get(random.nextInt(3)));
            order.put("official_amount", 100 + i);
            order.put("amount_after_discount", 90 + i);
            order.put("discounts", List.of(Map.of("discount_type", "605", "discount_amount", 10)));
            Instant created = EPOCH.plus(random.nextInt(400 * 24), ChronoUnit.HOURS);
            order.put("create_time", created.toString());
            if (status == 5) {
                order.put("payment_time", created.plus(random.nextInt(72), ChronoUnit.HOURS).toString());
            }
            all.add(order);
        }
        importOrders(all);
    }

    @Test
    void callerSeesOnlyItsOwnOrdersNewestFirst() {
        JsonPath page = list(Map.of("limit", "100"));
        List<Map<String, Object>> expected = expected(o -> o.get("customer_id").equals(me), true);
        assertThat(page.getLong("total_count")).isEqualTo(expected.size());
        assertThat(page.getList("order_infos.order_id")).containsExactlyElementsOf(ids(expected));
        assertThat(page.getList("order_infos.customer_id")).containsOnly(me);
    }

    @Test
    void orderShowsItsAmountsAndDiscounts() {
        Map<String, Object> first = all.getFirst();
        JsonPath page = list(Map.of("order_id", ((String) first.get("order_id")).toLowerCase(Locale.ROOT)));
        assertThat(page.getLong("total_count")).isEqualTo(1);
        assertThat(page.getFloat("order_infos[0].official_amount")).isEqualTo(100f);
        assertThat(page.getFloat("order_infos[0].amount_after_discount")).isEqualTo(90f);
        assertThat(page.getString("order_infos[0].amount_info.discounts[0].discount_type")).isEqualTo("605");
        assertThat(page.getString("order_infos[0].create_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(page.getInt("order_infos[0].measure_id")).isEqualTo(1);
    }

    @Test
    void subCustomerMethodListsOrdersPaidForSubAccounts() {
        JsonPath page = list(Map.of("method", "sub_customer", "limit", "100", "order_by", "createTime"));
        List<Map<String, Object>> expected = expected(o -> me.equals(o.get("payer_customer_id")), false);
        assertThat(page.getLong("total_count")).isEqualTo(expected.size()).isPositive();
        assertThat(page.getList("order_infos.order_id")).containsExactlyElementsOf(ids(expected));
        assertThat(page.getList("order_infos.agent_pay_info.paying_agent_id")).containsOnly(me);
    }

    @Test
    void anotherCustomersIdFiltersToNothing() {
        assertThat(list(Map.of("customer_id", other)).getLong("total_count")).isZero();
        assertThat(list(Map.of("order_id", (String) all.get(1).get("order_id"))).getLong("total_count")).isZero();
    }

    /** Random combinations of filters, sorting and paging agree with a plain in-memory filter of the same orders. */
    @Test
    void randomQueriesAgreeWithAReferenceFilter() {
        Random random = new Random(7);
        for (int q = 0; q < 150; q++) {
            Map<String, String> params = new HashMap<>();
            List<Predicate<Map<String, Object>>> filters = new ArrayList<>();
            boolean subs = random.nextInt(4) == 0;
            if (subs) {
                params.put("method", "sub_customer");
                filters.add(o -> me.equals(o.get("payer_customer_id")));
            } else {
                filters.add(o -> o.get("customer_id").equals(me));
            }
            if (random.nextBoolean()) {
                String type = SERVICE_TYPES[random.nextInt(SERVICE_TYPES.length)];
                params.put("service_type_code", random.nextBoolean() ? type : type.toUpperCase(Locale.ROOT));
                filters.add(o -> o.get("service_type_code").equals(type));
            }
            if (random.nextBoolean()) {
                int status = List.of(3, 4, 5, 6).get(random.nextInt(4));
                params.put("status", String.valueOf(status));
                filters.add(o -> o.get("status").equals(status));
            }
            if (random.nextBoolean()) {
                int type = List.of(1, 2, 4).get(random.nextInt(3));
                params.put("order_type", String.valueOf(type));
                filters.add(o -> o.get("order_type").equals(type));
            }
            if (random.nextBoolean()) {
                Instant begin = EPOCH.plus(random.nextInt(300 * 24), ChronoUnit.HOURS);
                Instant end = begin.plus(random.nextInt(100 * 24), ChronoUnit.HOURS);
                params.put("create_time_begin", begin.toString());
                params.put("create_time_end", end.toString());
                filters.add(o -> within(o.get("create_time"), begin, end));
            }
            if (random.nextInt(4) == 0) {
                Instant begin = EPOCH.plus(random.nextInt(300 * 24), ChronoUnit.HOURS);
                Instant end = begin.plus(random.nextInt(200 * 24), ChronoUnit.HOURS);
                params.put("payment_time_begin", begin.toString());
                params.put("payment_time_end", end.toString());
                filters.add(o -> o.get("payment_time") != null && within(o.get("payment_time"), begin, end));
            }
            boolean newestFirst = random.nextBoolean();
            if (!newestFirst || random.nextBoolean()) {
                params.put("order_by", newestFirst ? "-createTime" : "CREATETIME");
            }
            int limit = 1 + random.nextInt(12);
            int offset = random.nextInt(20);
            params.put("limit", String.valueOf(limit));
            params.put("offset", String.valueOf(offset));

            List<Map<String, Object>> expected = expected(o -> filters.stream().allMatch(f -> f.test(o)), newestFirst);
            JsonPath page = list(params);
            assertThat(page.getLong("total_count")).as("total for %s", params).isEqualTo(expected.size());
            assertThat(page.getList("order_infos.order_id", String.class)).as("page for %s", params)
                    .containsExactlyElementsOf(ids(expected).stream().skip(offset).limit(limit).toList());
        }
    }

    @Test
    void defaultPageIsTenOrders() {
        assertThat(list(Map.of()).getList("order_infos")).hasSize(10);
        assertThat(list(Map.of("limit", "", "offset", "")).getList("order_infos")).hasSize(10);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("limit", "0");
        bad.put("offset", "-1");
        bad.put("status", "7");
        bad.put("order_type", "abc");
        bad.put("order_by", "amount");
        bad.put("method", "everyone");
        bad.put("create_time_begin", "2026-13-01T00:00:00Z");
        bad.put("payment_time_end", "yesterday");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            request().queryParam(e.getKey(), e.getValue()).get(PATH).then().statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(e.getKey()));
        }
        request().queryParam("limit", "101").get(PATH).then().statusCode(400).body("error_msg", containsString("limit"));
        request().queryParam("limit", "x1").get(PATH).then().statusCode(400).body("error_msg", containsString("limit"));
        request().queryParam("create_time_begin", "2025-01-01T00:00:00Z")
                .queryParam("create_time_end", "2026-03-01T00:00:00Z").get(PATH).then().statusCode(400)
                .body("error_msg", containsString("create_time_end"));
        request().queryParam("payment_time_begin", "2026-03-01T00:00:00Z")
                .queryParam("payment_time_end", "2026-02-01T00:00:00Z").get(PATH).then().statusCode(400)
                .body("error_msg", containsString("payment_time_end"));
    }

    @Test
    void offsetPastTheEndIsAnEmptyPage() {
        JsonPath page = list(Map.of("offset", String.valueOf(Integer.MAX_VALUE)));
        assertThat(page.getList("order_infos")).isEmpty();
        assertThat(page.getLong("total_count")).isEqualTo(30);
    }

    JsonPath list(Map<String, String> params) {
        return request().queryParams(params).get(PATH).then().statusCode(200).extract().jsonPath();
    }

    RequestSpecification request() {
        return given().header("Authorization", customer(me));
    }

    List<Map<String, Object>> expected(Predicate<Map<String, Object>> filter, boolean newestFirst) {
        Comparator<Map<String, Object>> order = Comparator.<Map<String, Object>, Instant>comparing(
                o -> Instant.parse((String) o.get("create_time"))).thenComparing(o -> (String) o.get("order_id"));
        Stream<Map<String, Object>> matching = all.stream().filter(filter);
        return matching.sorted(newestFirst ? order.reversed() : order).toList();
    }

    static List<String> ids(List<Map<String, Object>> orders) {
        return orders.stream().map(o -> (String) o.get("order_id")).toList();
    }

    static boolean within(Object time, Instant begin, Instant end) {
        Instant t = Instant.parse((String) time);
        return !t.isBefore(begin) && !t.isAfter(end);
    }
}
