package io.openbss.console;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The training run of the console's AOT cache ({@code -Paot}, see the parent pom): the packaged console starts in
 * the prod profile and serves what every start is followed by (health, the sign-in pages in both languages, its
 * script, style and ECharts, a sign-in form post checked for its CSRF token, the page shown while the platform does
 * not answer), so that the cache holds the page path as well as the start. No platform runs here: the sign-in post
 * gets the console's 503 page. Not run by the default build.
 */
@QuarkusIntegrationTest
class AotTrainingIT {

    @Test
    void startsAndServesTheSignInPages() {
        given().get("/q/health/ready").then().statusCode(200);
        given().header("Accept-Language", "en-US").get("/sign-in").then().statusCode(200);
        given().get("/operator/sign-in").then().statusCode(200);
        given().get("/static/console.js").then().statusCode(200);
        given().get("/static/console.css").then().statusCode(200);
        given().get("/_static/echarts/6.0.0/dist/echarts.min.js").then().statusCode(200);
        given().redirects().follow(false).get("/").then().statusCode(303);

        Response form = given().get("/sign-in");
        String token = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        given().redirects().follow(false).cookies(form.cookies()).formParam("csrf-token", token)
                .formParam("account", "training").formParam("password", "training").post("/sign-in")
                .then().statusCode(503);
        given().redirects().follow(false).formParam("account", "training").post("/sign-in").then().statusCode(400);
    }
}
