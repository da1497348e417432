package io.openbss.orders.resources;

import static io.openbss.orders.OrderFixtures.customerToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceQueryTest {

    static final String PATH = "/v2/orders/suscriptions/resources/query";
    static final Instant EPOCH = Instant.parse("2027-01-01T00:00:00Z");

    /** A resource as the test made it. */
    record Res(String id, String main, String orderId, String serviceType, int status, Instant expire) {
    }

    final String me = OrderFixtures.newCustomer();
    final String other = OrderFixtures.newCustomer();
    final List<Res> mine = new ArrayList<>();
    final List<Res> theirs = new ArrayList<>();
    final List<String> myOrders = new ArrayList<>();

    @Inject
    Pool pool;

    /** Once per class: six paid server-with-disk orders of mine, one of another customer, random states. */
    @BeforeEach
    void resources() {
        if (!mine.isEmpty()) {
            return;
        }
        FakeBilling.fund(me, "10000.00");
        FakeBilling.fund(other, "10000.00");
        Random random = new Random(20270101);
        for (int i = 0; i < 7; i++) {
            String owner = i < 6 ? me : other;
            String orderId = OrderFixtures.serverWithDisk(owner).getString("order_id");
            OrderFixtures.pay(owner, Map.of("order_id", orderId, "use_coupon", "NO")).statusCode(200);
            for (Row row : pool.preparedQuery("SELECT * FROM subscription WHERE order_id = $1 ORDER BY resource_id")
                    .execute(Tuple.of(orderId)).await().indefinitely()) {
                // few distinct expiry times, so that ties are ordered by resource id
                Instant expire = EPOCH.plus(random.nextInt(8) * 10L, ChronoUnit.DAYS);
                int status = List.of(2, 2, 3, 4, 5).get(random.nextInt(5));
                pool.preparedQuery("""
                                UPDATE subscription SET status = $2, expire_time = $3,
                                       effective_time = $3 - interval '1 month' WHERE resource_id = $1""")
                        .execute(Tuple.of(row.getString("resource_id"), status,
                                OffsetDateTime.ofInstant(expire, ZoneOffset.UTC))).await().indefinitely();
                Res res = new Res(row.getString("resource_id"), row.getString("main_resource_id"), orderId,
                        row.getString("service_type_code"), status, expire);
                (owner.equals(me) ? mine : theirs).add(res);
            }
            if (owner.equals(me)) {
                myOrders.add(orderId);
            }
        }
    }

    @Test
    void theDefaultListsMyOpenResourcesInExpiryOrderTenAtATime() {
        JsonPath page = query(me, Map.of()).statusCode(200).extract().jsonPath();
        List<Res> expected = expected(r -> r.status() != 3);
        assertThat(page.getInt("total_count")).isEqualTo(expected.size());
        assertThat(page.getList("data.resource_id")).containsExactlyElementsOf(
                expected.stream().limit(10).map(Res::id).toList());
        assertThat(page.getList("data.status", Integer.class)).doesNotContain(3);
    }

    @Test
    void aResourceShowsWhatItIs() {
        Res disk = mine.stream().filter(r -> r.main() != null).findFirst().orElseThrow();
        JsonPath page = query(me, Map.of("resource_ids", List.of(disk.id()), "status_list", List.of(2, 3, 4, 5)))
                .statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total_count")).isEqualTo(1);
        assertThat(page.getString("data[0].id")).isEqualTo(disk.id());
        assertThat(page.getString("data[0].parent_resource_id")).isEqualTo(disk.main());
        assertThat(page.getInt("data[0].is_main_resource")).isZero();
        assertThat(page.getInt("data[0].status")).isEqualTo(disk.status());
        assertThat(page.getString("data[0].service_type_code")).isEqualTo("hws.service.type.ebs");
        assertThat(page.getString("data[0].service_type_name")).isEqualTo("云硬盘");
        assertThat(page.getString("data[0].resource_type_code")).isEqualTo("hws.resource.type.volume");
        assertThat(page.getString("data[0].resource_spec_code")).isEqualTo("SSD");
        assertThat(page.getString("data[0].product_id")).isEqualTo("P-SSD");
        assertThat(page.getString("data[0].product_spec_desc")).isEqualTo("SSD");
        assertThat(page.getString("data[0].region_code")).isEqualTo("cn-north-4");
        assertThat(page.getString("data[0].resource_name")).isEqualTo("disk");
        assertThat(page.getString("data[0].resource_type_name")).isEqualTo("云硬盘");
        assertThat(page.getString("data[0].project_id")).isEqualTo(OrderFixtures.PROJECT_ID);
        assertThat(page.getString("data[0].enterprise_project.id")).isEqualTo(OrderFixtures.ENTERPRISE_PROJECT_ID);
        assertThat(page.getString("data[0].enterprise_project.name"))
                .isEqualTo(OrderFixtures.ENTERPRISE_PROJECT_NAME);
        assertThat(page.getString("data[0].product_id")).isEqualTo(lineProductId(disk));
        assertThat(page.getInt("data[0].expire_policy")).isZero();
        assertThat(Instant.parse(page.getString("data[0].expire_time"))).isEqualTo(disk.expire());
        assertThat(page.getString("data[0].effective_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(page.getString("data[0].update_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        Res server = mine.stream().filter(r -> r.id().equals(disk.main())).findFirst().orElseThrow();
        JsonPath main = query(me, Map.of("resource_ids", List.of(server.id()), "only_main_resource", 1,
                "status_list", List.of(2, 3, 4, 5))).statusCode(200).extract().jsonPath();
        assertThat(main.getInt("data[0].is_main_resource")).isEqualTo(1);
        assertThat(main.getString("data[0].parent_resource_id")).isNull();
        assertThat(main.getString("data[0].resource_type_name")).isEqualTo("云主机");
        assertThat(main.getString("data[0].product_id")).isEqualTo("P-s6.large.2.linux")
                .isEqualTo(lineProductId(server));
    }

    @Test
    void aResourceBoughtWithoutNameOrProjectsIsNamedAfterItsTypeAndShowsNoEnterpriseProject() {
        String customer = OrderFixtures.newCustomer();
        FakeBilling.fund(customer, "1000.00");
        Map<String, Object> server = OrderFixtures.product("vm", null, "s6.large.2.linux", 2, 1);
        server.keySet().removeAll(Set.of("resource_name", "project_id", "enterprise_project_id",
                "enterprise_project_name"));
        JsonPath order = OrderFixtures.purchase(customer, UUID.randomUUID().toString(), List.of(server))
                .statusCode(201).extract().jsonPath();
        String resourceId = order.getString("resource_ids[0]");
        OrderFixtures.pay(customer, Map.of("order_id", order.getString("order_id"), "use_coupon", "NO"))
                .statusCode(200);
        Map<String, Object> shown = query(customer, Map.of()).statusCode(200).extract().jsonPath().getMap("data[0]");
        assertThat(shown.get("resource_id")).isEqualTo(resourceId);
        assertThat(shown.get("resource_name")).isEqualTo("vm-" + resourceId.substring(0, 8));
        assertThat(shown.get("resource_type_name")).isEqualTo("云主机");
        assertThat(shown).doesNotContainKeys("project_id", "enterprise_project");
    }

    @Test
    void aMainResourceComesWithItsSubordinatesUnlessOnlyMainOnesAreAsked() {
        List<Integer> all = List.of(2, 3, 4, 5);
        Res disk = mine.stream().filter(r -> r.main() != null).findFirst().orElseThrow();
        assertThat(ids(query(me, Map.of("resource_ids", List.of(disk.main()), "status_list", all))))
                .containsExactlyInAnyOrder(disk.main(), disk.id());
        assertThat(ids(query(me, Map.of("resource_ids", List.of(disk.main()), "status_list", all,
                "only_main_resource", 1)))).containsExactly(disk.main());
        assertThat(ids(query(me, Map.of("resource_ids", List.of(disk.id()), "status_list", all,
                "only_main_resource", 1)))).containsExactly(disk.id());
        assertThat(ids(query(me, Map.of("only_main_resource", 1, "status_list", all, "limit", 500))))
                .containsExactlyInAnyOrderElementsOf(mine.stream().filter(r -> r.main() == null).map(Res::id)
                        .toList());
    }

    @Test
    void closedResourcesAreListedOnlyWhenAskedFor() {
        assertThat(ids(query(me, Map.of("limit", 500))))
                .containsExactlyInAnyOrderElementsOf(expected(r -> r.status() != 3).stream().map(Res::id).toList());
        assertThat(ids(query(me, Map.of("status_list", List.of(3), "limit", 500))))
                .containsExactlyInAnyOrderElementsOf(expected(r -> r.status() == 3).stream().map(Res::id).toList())
                .isNotEmpty();
    }

    @Test
    void anotherCustomersResourcesAreNeverListed() {
        List<String> theirIds = theirs.stream().map(Res::id).toList();
        Map<String, Object> everything = Map.of("status_list", List.of(2, 3, 4, 5), "limit", 500);
        assertThat(ids(query(me, everything))).doesNotContainAnyElementsOf(theirIds).hasSize(mine.size());
        assertThat(query(me, Map.of("resource_ids", theirIds, "status_list", List.of(2, 3, 4, 5))).statusCode(200)
                .extract().jsonPath().getInt("total_count")).isZero();
        assertThat(query(me, Map.of("order_id", theirs.getFirst().orderId(), "status_list", List.of(2, 3, 4, 5)))
                .statusCode(200).extract().jsonPath().getInt("total_count")).isZero();
        assertThat(ids(query(other, everything))).containsExactlyInAnyOrderElementsOf(theirIds);
    }

    /** Random combinations of filters and paging agree with a plain in-memory filter of the same resources. */
    @Test
    void randomQueriesAgreeWithAReferenceFilter() {
        Random random = new Random(11);
        List<String> allIds = new ArrayList<>(mine.stream().map(Res::id).toList());
        allIds.addAll(theirs.stream().map(Res::id).toList());
        allIds.add("no-such-resource");
        for (int q = 0; q < 120; q++) {
            Map<String, Object> body = new HashMap<>();
            List<Predicate<Res>> filters = new ArrayList<>();
            boolean onlyMain = random.nextInt(3) == 0;
            if (onlyMain || random.nextBoolean()) {
                body.put("only_main_resource", onlyMain ? 1 : 0);
            }
            if (random.nextInt(3) == 0) {
                Set<String> ids = new HashSet<>();
                IntStream.range(0, 1 + random.nextInt(4)).forEach(i -> ids.add(allIds.get(random.nextInt(
                        allIds.size()))));
                body.put("resource_ids", List.copyOf(ids));
                filters.add(onlyMain ? r -> ids.contains(r.id())
                        : r -> ids.contains(r.id()) || r.main() != null && ids.contains(r.main()));
            } else if (onlyMain) {
                filters.add(r -> r.main() == null);
            }
            Set<Integer> statuses = new HashSet<>();
            if (random.nextBoolean()) {
                IntStream.range(0, random.nextInt(4)).forEach(i -> statuses.add(2 + random.nextInt(4)));
                body.put("status_list", List.copyOf(statuses));
            }
            filters.add(statuses.isEmpty() ? r -> r.status() != 3 : r -> statuses.contains(r.status()));
            if (random.nextInt(4) == 0) {
                String order = myOrders.get(random.nextInt(myOrders.size()));
                body.put("order_id", order);
                filters.add(r -> r.orderId().equals(order));
            }
            if (random.nextInt(4) == 0) {
                String type = random.nextBoolean() ? "hws.service.type.ec2" : "hws.service.type.ebs";
                body.put("service_type_code", type);
                filters.add(r -> r.serviceType().equals(type));
            }
            if (random.nextInt(3) == 0) {
                Instant begin = EPOCH.plus(random.nextInt(80), ChronoUnit.DAYS);
                body.put("expire_time_begin", begin.toString());
                filters.add(r -> !r.expire().isBefore(begin));
            }
            if (random.nextInt(3) == 0) {
                Instant end = EPOCH.plus(random.nextInt(80), ChronoUnit.DAYS);
                if (body.containsKey("expire_time_begin")
                        && end.isBefore(Instant.parse((String) body.get("expire_time_begin")))) {
                    end = Instant.parse((String) body.get("expire_time_begin"));
                }
                Instant until = end;
                body.put("expire_time_end", until.toString());
                filters.add(r -> !r.expire().isAfter(until));
            }
            int limit = 1 + random.nextInt(8);
            int offset = random.nextInt(12);
            body.put("limit", limit);
            body.put("offset", offset);

            List<Res> expected = expected(r -> filters.stream().allMatch(f -> f.test(r)));
            JsonPath page = query(me, body).statusCode(200).extract().jsonPath();
            assertThat(page.getInt("total_count")).as("total for %s", body).isEqualTo(expected.size());
            assertThat(page.getList("data.resource_id", String.class)).as("page for %s", body)
                    .containsExactlyElementsOf(expected.stream().skip(offset).limit(limit).map(Res::id).toList());
        }
    }

    @Test
    void aPageAfterTheLastStillCountsEverything() {
        JsonPath page = query(me, Map.of("offset", 1000, "status_list", List.of(2, 3, 4, 5))).statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("data")).isEmpty();
        assertThat(page.getInt("total_count")).isEqualTo(mine.size());
    }

    @Test
    void withoutABodyTheDefaultsApply() {
        JsonPath page = given().header("Authorization", customerToken(me)).contentType(ContentType.JSON).post(PATH)
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total_count")).isEqualTo(expected(r -> r.status() != 3).size());
        assertThat(page.getList("data")).hasSize(10);
    }

    @Test
    void badInputIs400NamingTheParameter() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("limit", 0);
        bad.put("offset", -1);
        bad.put("only_main_resource", 2);
        bad.put("service_type_code", "");
        bad.put("order_id", "C".repeat(65));
        bad.put("expire_time_begin", "2027-01-01");
        bad.put("expire_time_end", "2027-02-30T00:00:00Z");
        for (Map.Entry<String, Object> field : bad.entrySet()) {
            query(me, Map.of(field.getKey(), field.getValue())).statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(field.getKey()));
        }
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("limit", "ten");
        wrong.put("offset", List.of(1));
        wrong.put("only_main_resource", "yes");
        wrong.put("status_list", 2);
        wrong.put("resource_ids", "abc");
        for (Map.Entry<String, Object> field : wrong.entrySet()) {
            query(me, Map.of(field.getKey(), field.getValue())).statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString(field.getKey()));
        }
        query(me, Map.of("limit", 501)).statusCode(400).body("error_msg", containsString("limit"));
        query(me, Map.of("status_list", List.of(2, 1))).statusCode(400)
                .body("error_msg", containsString("status_list[1]"));
        query(me, Map.of("status_list", List.of("in use"))).statusCode(400)
                .body("error_msg", containsString("status_list"));
        query(me, Map.of("resource_ids", List.of("a", ""))).statusCode(400)
                .body("error_msg", containsString("resource_ids[1]"));
        query(me, Map.of("resource_ids", IntStream.range(0, 51).mapToObj(i -> "r" + i).toList())).statusCode(400)
                .body("error_msg", containsString("resource_ids"));
        query(me, Map.of("expire_time_begin", "2027-02-01T00:00:00Z", "expire_time_end", "2027-01-01T00:00:00Z"))
                .statusCode(400).body("error_msg", containsString("expire_time_end"));
        given().header("Authorization", customerToken(me)).contentType(ContentType.JSON).body("{\"limit\": 5")
                .post(PATH).then().statusCode(400).body("error_code", equalTo("CBC.0100"));
    }

    /** The product id of the new-purchase order line that bought the resource. */
    String lineProductId(Res resource) {
        return pool.preparedQuery("SELECT product_id FROM order_line WHERE order_id = $1 AND resource_id = $2")
                .execute(Tuple.of(resource.orderId(), resource.id())).await().indefinitely().iterator().next()
                .getString("product_id");
    }

    List<Res> expected(Predicate<Res> filter) {
        return mine.stream().filter(filter)
                .sorted(Comparator.comparing(Res::expire).thenComparing(Res::id)).toList();
    }

    static List<String> ids(ValidatableResponse response) {
        return response.statusCode(200).extract().jsonPath().getList("data.resource_id");
    }

    static ValidatableResponse query(String caller, Map<String, Object> body) {
        return given().header("Authorization", customerToken(caller)).contentType(ContentType.JSON).body(body)
                .post(PATH).then();
    }
}
