package io.openbss.enterprise;

import io.openbss.testing.InternalKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the gateway's internal IAM API, for enterprise-service's own tests: it makes accounts once per
 * idempotency key, as the gateway does, and is down on demand. billing-service's stand-in is the billing client's
 * shared {@code FakeBilling}; the end-to-end tests run the real services.
 */
public class FakeGateway implements QuarkusTestResourceLifecycleManager {

    /** accounts made by the IAM: idempotency key → account */
    public static final Map<String, JsonObject> DOMAINS = new ConcurrentHashMap<>();
    private static volatile boolean down;

    private Vertx vertx;

    /** The gateway answers nothing but 503 until {@link #recover()}. */
    public static void down() {
        down = true;
    }

    public static void recover() {
        down = false;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            try {
                handle(request, body.length() == 0 ? null : body.toJsonObject());
            } catch (RuntimeException e) {
                request.response().setStatusCode(500).end(e.toString());
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake gateway did not start", e);
        }
        return Map.of("quarkus.rest-client.gateway.url", "http://127.0.0.1:" + server.actualPort(),
                "bss.enterprise.internal-token.private-key", InternalKeys.privateKeyPem());
    }

    @Override
    public void stop() {
        vertx.close();
    }

    private static void handle(HttpServerRequest request, JsonObject body) {
        if (!fromEnterpriseService(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).end();
            return;
        }
        if (down) {
            request.response().setStatusCode(503).end();
            return;
        }
        if (!request.path().equals("/internal/v1/domains")) {
            request.response().setStatusCode(404).end();
            return;
        }
        JsonObject answer = domain(body);
        request.response().setStatusCode(answer.containsKey("error_code") ? 400 : 200)
                .putHeader("Content-Type", "application/json").end(answer.encode());
    }

    /** Makes an account once per idempotency key; a replay needs no password. Names starting "taken" exist. */
    private static synchronized JsonObject domain(JsonObject body) {
        JsonObject first = DOMAINS.get(body.getString("idempotency_key"));
        if (first != null) {
            return first.copy().put("replayed", true);
        }
        if (body.getString("password") == null) {
            return new JsonObject().put("error_code", "CBC.0100").put("error_msg", "Invalid parameter password");
        }
        if (body.getString("name").startsWith("taken")) {
            return new JsonObject().put("error_code", "CBC.99000031").put("error_msg", "Invalid DomainName");
        }
        JsonObject account = new JsonObject().put("domain_id", "d" + UUID.randomUUID().toString().replace("-", ""))
                .put("name", body.getString("name"));
        DOMAINS.put(body.getString("idempotency_key"), account);
        return account;
    }

    private static boolean fromEnterpriseService(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8));
        return claims.getString("sub").equals("enterprise-service")
                && claims.getValue("aud").toString().contains("gateway");
    }
}
