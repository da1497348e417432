package io.openbss.gateway;

import static io.restassured.RestAssured.given;

import io.openbss.common.signing.SignedHttpClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Accounts and signed clients for gateway tests, made through the admin API. */
final class GatewayTestSupport {

    record Account(String domainId, String name, String accessKey, String secretKey) {

        SignedHttpClient client() {
            return new SignedHttpClient(URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort), accessKey,
                    secretKey, domainId);
        }

        SignedHttpClient clientWithSecret(String secret) {
            return new SignedHttpClient(URI.create("http://127.0.0.1:" + GatewayTestResource.publicPort), accessKey,
                    secret, domainId);
        }
    }

    private GatewayTestSupport() {
    }

    static Account account(String kind) {
        String name = "acct-" + UUID.randomUUID().toString().substring(0, 12);
        String domainId = admin().body(Map.of("name", name, "kind", kind)).post("/admin/v1/domains").then()
                .statusCode(201).extract().path("domain_id");
        JsonPath key = admin().body("{}").post("/admin/v1/domains/{id}/access-keys", domainId).then().statusCode(201)
                .extract().jsonPath();
        return new Account(domainId, name, key.getString("access_key"), key.getString("secret_key"));
    }

    /** The user id of the account's own (root) user. */
    static String rootUser(Account account) {
        return admin().get("/admin/v1/domains/{id}/users", account.domainId()).then().statusCode(200).extract()
                .jsonPath().getString("users.find { it.root }.user_id");
    }

    static void setPassword(String userId, String password) {
        admin().body(Map.of("password", password)).put("/admin/v1/users/{id}/password", userId).then()
                .statusCode(200);
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + GatewayTestResource.ADMIN_TOKEN).contentType(ContentType.JSON);
    }
}
