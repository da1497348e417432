package io.openbss.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.signing.SignedHttpClient;
import io.openbss.testing.PostgresResource;
import io.openbss.testing.ProductionSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The training run of the gateway's AOT cache ({@code -Paot}, see the parent pom): the packaged gateway starts in
 * the prod profile against PostgreSQL and serves what follows every start (health, the admin API making an account
 * and its key, signed public calls forwarded to a service, a refused signature), so that the cache holds the request
 * path as well as the start. Not run by the default build. {@link GatewayTestResource}'s echo services stand in for the
 * three services; its keys and admin token, passed as system properties, take precedence over the prod profile's
 * {@code %prod.} settings, whose {@code ${BSS_...}} expressions {@link ProductionSecrets} resolves.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ProductionSecrets.class)
@QuarkusTestResource(GatewayTestResource.class)
class AotTrainingIT {

    @Test
    void startsAndServesTheAdminAndPublicApis() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        String domainId = admin().body(Map.of("name", "training-" + UUID.randomUUID().toString().substring(0, 8),
                "kind", "individual")).post("/admin/v1/domains").then().statusCode(201).extract().path("domain_id");
        JsonPath key = admin().body("{}").post("/admin/v1/domains/{id}/access-keys", domainId).then().statusCode(201)
                .extract().jsonPath();
        URI endpoint = URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort);
        SignedHttpClient client = new SignedHttpClient(endpoint, key.getString("access_key"),
                key.getString("secret_key"), domainId);

        assertThat(client.send("GET", PublicApiTest.BALANCES, null, null).status()).isEqualTo(200);
        assertThat(client.send("GET", PublicApiTest.ORDERS, "limit=10&status=5", null).status()).isEqualTo(200);
        assertThat(client.send("POST", "/v2/orders/suscriptions/resources/query", null,
                "{\"resource_ids\":[\"r-1\"]}".getBytes()).status()).isEqualTo(200);
        assertThat(new SignedHttpClient(endpoint, key.getString("access_key"), "not-the-secret", domainId)
                .send("GET", PublicApiTest.BALANCES, null, null).status()).isEqualTo(401);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + GatewayTestResource.ADMIN_TOKEN).contentType(ContentType.JSON);
    }
}
