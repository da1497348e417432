package io.openbss.gateway;

import static io.openbss.gateway.GatewayTestSupport.account;
import static io.openbss.gateway.RateLimitTest.call;
import static io.openbss.gateway.RateLimitTest.nextAddress;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.hash.Sha256;
import io.openbss.common.signing.SignedHttpClient;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.replicas.RedisChannel;
import io.openbss.testing.PostgresResource;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.inject.Inject;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Quotas kept in Redis, and what the gateway does while Redis is away (the default: admit uncounted). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@TestProfile(RedisRateLimitTest.InRedis.class)
class RedisRateLimitTest {

    public static class InRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bss.gateway.rate-limits.enabled", "true", "bss.gateway.rate-limits.store", "redis",
                    "bss.gateway.rate-limits.operations.ShowCustomerAccountBalances", "3",
                    "bss.gateway.trusted-proxies", "127.0.0.1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisTestResource.class));
        }
    }

    @Test
    void countsInRedisKeepsServingWhileRedisIsDownAndCountsAgainWhenItIsBack() throws Exception {
        RateLimitTest.withinOneWindow(clock -> {
            SignedHttpClient client = account("individual").client();
            String address = nextAddress();
            clock.start();
            assertThat(statuses(client, address, 4)).containsExactly(200, 200, 200, 429);
        });
        double failuresBefore = redisFailures();

        RedisTestResource.redis.stop();
        try {
            SignedHttpClient client = account("individual").client();
            String address = nextAddress();
            List<Integer> statuses = statuses(client, address, 5);
            assertThat(statuses).as("Redis down, fail-open: admitted uncounted").containsOnly(200);
            assertThat(call(client, address).header("X-Apig-RateLimit-api")).isNull();
            assertThat(redisFailures()).isGreaterThanOrEqualTo(failuresBefore + 5);
        } finally {
            RedisTestResource.redis.start();
        }

        // Back: the first checks may still meet connections of the old server; then every request counts again.
        SignedHttpClient client = account("individual").client();
        String address = nextAddress();
        boolean counted = false;
        for (int attempt = 0; attempt < 50 && !counted; attempt++) {
            counted = call(client, address).header("X-Apig-RateLimit-api") != null;
        }
        assertThat(counted).as("counting resumed once Redis was back").isTrue();
        RateLimitTest.withinOneWindow(clock -> {
            SignedHttpClient fresh = account("individual").client();
            clock.start();
            assertThat(statuses(fresh, nextAddress(), 4)).containsExactly(200, 200, 200, 429);
        });
    }

    @Inject
    Pool pool;

    /**
     * A change another replica publishes (here: the test, on the gateway's channel) drops this replica's cached
     * access key at once, not after the cache's 30 s.
     */
    @Test
    void anotherReplicasChangeIsSeenAtOnce() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient client = account.client();
        assertThat(call(client, nextAddress()).status()).isEqualTo(200);
        pool.preparedQuery("UPDATE iam.access_key SET status = 'inactive' WHERE access_key = $1")
                .execute(Tuple.of(account.accessKey())).await().indefinitely();
        assertThat(call(client, nextAddress()).status()).as("still cached here").isEqualTo(200);

        publish("credential " + account.accessKey());
        int status = 200;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (status != 401 && System.nanoTime() < deadline) { // 429s may come first: a quota of 3/s
            status = call(client, nextAddress()).status();
        }
        assertThat(status).as("the disabled key, once the change was heard").isEqualTo(401);
    }

    /** A key another replica locked after too many bad signatures is locked here too, at once. */
    @Test
    void aLockMadeByAnotherReplicaHoldsHere() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        SignedHttpClient client = account.client();
        assertThat(call(client, nextAddress()).status()).isEqualTo(200);

        // The message is handled on the gateway's event loop just after PUBLISH answers; a lock is checked before
        // any quota, so the first refusal after that is the lock's. A message published while the gateway was not
        // subscribed (an earlier test restarted Redis; it subscribes again within a second) is lost, and another
        // subscriber may have counted as its hearer: it is published again until heard here.
        String lock = "lock " + account.accessKey() + " " + Instant.now().plusSeconds(300).toEpochMilli();
        SignedHttpClient.Response answer;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            publish(lock);
            answer = call(client, nextAddress());
        } while (answer.status() != 401 && System.nanoTime() < deadline);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(JsonPath.from(answer.body()).getString("error_msg"))
                .isEqualTo(ApigException.lockedAccessKey().getMessage());
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * A token revoked through the public API (KeystoneRevokeToken) is announced on the identity channel, as the
     * admin API's revocation is, so that the other replicas drop it from their caches at once.
     */
    @Test
    void aTokenRevokedThroughThePublicApiIsAnnouncedToTheOtherReplicas() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String user = GatewayTestSupport.rootUser(account);
        GatewayTestSupport.setPassword(user, "Tr0ub4dor&3x");
        String address = nextAddress();
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + GatewayTestResource.publicPort + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(loginBody(account.name(), "Tr0ub4dor&3x"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = issued.headers().firstValue("X-Subject-Token").orElseThrow();

        Vertx vertx = Vertx.vertx();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        RedisChannel otherReplica = new RedisChannel(vertx, Redis.createClient(vertx, RedisTestResource.redis.url()),
                "bss:gateway:identity-changes", heard::add, () -> { });
        try {
            otherReplica.subscribe().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpResponse<String> revoked = HTTP.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + GatewayTestResource.publicPort + "/v3/auth/tokens"))
                    .header("X-Auth-Token", token).header("X-Subject-Token", token)
                    .header("X-Forwarded-For", address).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
            String announced = "token " + Sha256.hex(token);
            String message = heard.poll(10, TimeUnit.SECONDS);
            while (message != null && !message.equals(announced)) {
                message = heard.poll(10, TimeUnit.SECONDS);
            }
            assertThat(message).as("the revocation heard by another replica").isEqualTo(announced);
        } finally {
            otherReplica.close();
            vertx.close();
        }
    }

    /** A signature another replica saw (remembered in the shared Redis) is a replay on this one. */
    @Test
    void aSignatureSeenByAnotherReplicaIsAReplayHere() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        HttpRequest request = account.client().request("POST", "/v2/orders/subscriptions/resources/renew", null,
                Map.of("X-Forwarded-For", nextAddress()), "{\"resource_ids\":[\"r-1\"]}".getBytes(
                        StandardCharsets.UTF_8), Instant.now());
        String authorization = request.headers().firstValue("Authorization").orElseThrow();
        String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
        redis(Request.cmd(Command.SET).arg("bss:replay:" + signature).arg("1").arg("PX").arg(60_000));
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JsonPath.from(answer.body()).getString("error_code")).isEqualTo("APIG.0303");
    }

    /** Password failures counted by other replicas (in Redis) count here: one more locks the user everywhere. */
    @Test
    void passwordFailuresOfEveryReplicaAddUp() throws Exception {
        GatewayTestSupport.Account account = account("individual");
        String user = GatewayTestSupport.rootUser(account);
        GatewayTestSupport.setPassword(user, "Tr0ub4dor&3x");
        redis(Request.cmd(Command.SET).arg("bss:failures:password:" + user).arg("5").arg("PX").arg(60_000));
        String wrong = login(account.name(), "Wr0ng-pass-1");
        assertThat(wrong).contains("locked");
        assertThat(login(account.name(), "Tr0ub4dor&3x")).contains("locked");
    }

    private static String loginBody(String user, String password) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + user + "\",\"password\":\"" + password + "\",\"domain\":{\"name\":\"" + user + "\"}}}}}}";
    }

    private static String login(String user, String password) throws Exception {
        String body = loginBody(user, password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + GatewayTestResource.publicPort + "/v3/auth/tokens"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", nextAddress())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void redis(Request command) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Redis.createClient(vertx, RedisTestResource.redis.url()).send(command).toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            vertx.close();
        }
    }

    /**
     * Publishes on the gateways' identity channel, as another replica does, until the gateway hears it (PUBLISH
     * answers how many subscribers got the message: none while the gateway is subscribing again after an outage).
     */
    private static void publish(String message) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Redis redis = Redis.createClient(vertx, RedisTestResource.redis.url());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int heardBy = 0;
            while (heardBy == 0 && System.nanoTime() < deadline) {
                heardBy = redis.send(Request.cmd(Command.PUBLISH).arg("bss:gateway:identity-changes").arg(message))
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toInteger();
            }
            assertThat(heardBy).as("subscribers that got %s", message).isPositive();
        } finally {
            vertx.close();
        }
    }

    static List<Integer> statuses(SignedHttpClient client, String address, int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(call(client, address).status());
        }
        return statuses;
    }

    static double redisFailures() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("bss_gateway_rate_limit_redis_failures_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
