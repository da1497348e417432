package io.openbss.console.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The sign-in pages and the session rules, without a platform behind (the gateway does not answer here). */
@QuarkusTest
class SignInTest {

    @Test
    void pagesNeedASessionOfTheirKind() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/sign-in"));
        given().redirects().follow(false).get("/orders/x").then().statusCode(303);
        given().redirects().follow(false).get("/operator/accounts").then().statusCode(303)
                .header("Location", endsWith("/operator/sign-in"));
        given().redirects().follow(false).cookie(SessionCookie.NAME, "forged").get("/").then().statusCode(303);
        given().redirects().follow(false).get("/export/orders.csv").then().statusCode(303);
    }

    @Test
    void signInFormCarriesACsrfTokenAndTheRightLanguage() {
        given().header("Accept-Language", "en-US").get("/sign-in").then().statusCode(200)
                .body(containsString("name=\"csrf-token\"")).body(containsString("Sign in"));
        given().get("/sign-in").then().statusCode(200).body(containsString("登录"));
    }

    @Test
    void cookiesAreHttpOnlyAndSecureBehindATlsProxy() {
        Response plain = given().get("/sign-in");
        assertThat(plain.getDetailedCookie("csrf-token").isHttpOnly()).isTrue();
        assertThat(plain.getDetailedCookie("csrf-token").isSecured()).isFalse();
        Response tls = given().header("X-Forwarded-Proto", "https").get("/sign-in");
        assertThat(tls.getDetailedCookie("csrf-token").isSecured()).isTrue();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        given().redirects().follow(false).formParam("account", "a").formParam("password", "b").post("/sign-in")
                .then().statusCode(400);
    }

    @Test
    void anUnreachablePlatformIsA503PageNotAStackTrace() {
        Response form = given().get("/sign-in");
        String token = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        given().redirects().follow(false).cookies(form.cookies()).formParam("csrf-token", token)
                .formParam("account", "demo").formParam("password", "secret").post("/sign-in")
                .then().statusCode(503).body(containsString("not answering"));
    }

    @Test
    void anEmptyPasswordIsRefusedBeforeAnyCall() {
        Response form = given().get("/sign-in");
        String token = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        given().redirects().follow(false).cookies(form.cookies()).formParam("csrf-token", token)
                .formParam("account", "demo").formParam("password", "").post("/sign-in").then().statusCode(400);
    }
}
