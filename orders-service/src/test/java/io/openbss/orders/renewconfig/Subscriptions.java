package io.openbss.orders.renewconfig;

import static io.restassured.RestAssured.given;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;

/** Paid servers with their disks, the calls that set what happens at their expiry, and their rows, for tests. */
final class Subscriptions {

    static final String BASE = "/v2/orders/subscriptions/resources";

    private Subscriptions() {
    }

    /** A server with a disk, bought and paid by the customer: the server's id, then the disk's. */
    record Server(String main, String disk) {
    }

    static Server paidServer(String customer) {
        JsonPath order = OrderFixtures.serverWithDisk(customer);
        FakeBilling.fund(customer, "1000.00");
        OrderFixtures.pay(customer, Map.of("order_id", order.getString("order_id"))).statusCode(200);
        List<String> ids = order.getList("resource_ids");
        return new Server(ids.get(0), ids.get(1));
    }

    static RequestSpecification as(String customer) {
        return given().header("Authorization", OrderFixtures.customerToken(customer));
    }

    static ValidatableResponse autoRenew(String customer, String resourceId, Object body) {
        RequestSpecification request = as(customer);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post(BASE + "/autorenew/{id}", resourceId).then();
    }

    static ValidatableResponse cancelAutoRenew(String customer, String resourceId) {
        return as(customer).delete(BASE + "/autorenew/{id}", resourceId).then();
    }

    static ValidatableResponse toOnDemand(String customer, Object body) {
        return as(customer).contentType(ContentType.JSON).body(body).post(BASE + "/to-on-demand").then();
    }

    static ValidatableResponse renewConfig(String customer, Object body) {
        return as(customer).contentType(ContentType.JSON).body(body).post(BASE + "/renew/config").then();
    }

    static Row row(Pool pool, String resourceId) {
        return pool.preparedQuery("SELECT * FROM subscription WHERE resource_id = $1").execute(Tuple.of(resourceId))
                .await().indefinitely().iterator().next();
    }

    static int policy(Pool pool, String resourceId) {
        return row(pool, resourceId).getInteger("expire_policy");
    }

    static Integer renewalsLeft(Pool pool, String resourceId) {
        return row(pool, resourceId).getInteger("auto_renew_left");
    }

    static void setStatus(Pool pool, String resourceId, int status) {
        pool.preparedQuery("UPDATE subscription SET status = $2 WHERE resource_id = $1")
                .execute(Tuple.of(resourceId, status)).await().indefinitely();
    }

    static void setPolicy(Pool pool, String resourceId, int policy, Integer renewalsLeft) {
        pool.preparedQuery("UPDATE subscription SET expire_policy = $2, auto_renew_left = $3::int WHERE resource_id = $1")
                .execute(Tuple.of(resourceId, policy, renewalsLeft)).await().indefinitely();
    }
}
