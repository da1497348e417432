package io.openbss.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every service answers to bad input, on any endpoint: 400 CBC.0100 naming the parameter, never a 5xx. The
 * rules live in bss-common (query and path parameters, JSON bodies, decimals, times); a service's test extends this
 * class and names one endpoint of each kind, so that every service is seen applying them.
 */
public abstract class BadInputContract {

    /**
     * An endpoint and the parameter a test spoils: a query parameter of {@code path}; a path parameter, written
     * {@code {value}} in {@code path}; or a JSON body field, where {@code json} is a valid body with {@code %s} in
     * place of the field's value. {@code name} is how the answer must name it.
     */
    public record Target(String method, String path, String name, String json) {

        public static Target query(String path, String name) {
            return new Target("GET", path, name, null);
        }

        public static Target body(String method, String path, String name, String json) {
            return new Target(method, path, name, json);
        }
    }

    /** {@code Authorization} of a caller allowed to call the target. */
    protected abstract String authorization(Target target);

    /** A text query parameter. */
    protected abstract Target queryText();

    /** A text path parameter. */
    protected abstract Target pathText();

    /** A string field of a JSON body, at its top level. */
    protected abstract Target jsonText();

    /** A list of strings in a JSON body. */
    protected abstract Target jsonList();

    /** An integer field of a JSON body. */
    protected abstract Target jsonInteger();

    /** A BigDecimal field of a JSON body, if the service reads any. */
    protected abstract Optional<Target> jsonDecimal();

    /** A time, date or month, in a query or a JSON body, and a value of its format whose year is absurd. */
    protected abstract Target time();

    protected abstract String absurdTime();

    @Test
    void controlCharactersInAQueryParameterAreRefusedNamingIt() {
        for (String value : List.of("%00", "a%00b", "%01", "%08", "%0B", "%1F", "%7F")) {
            refused(send(queryText(), queryText().name() + "=" + value), queryText().name())
                    .then().body("error_msg", containsString("control characters"));
        }
        refused(send(queryText(), "or%00der=1"), "or\\u0000der")
                .then().body("error_msg", containsString("its name"));
    }

    @Test
    void bytesThatAreNotUtf8InAQueryParameterAreRefusedNamingIt() {
        // a broken sequence, an encoded surrogate, an overlong NUL, a byte UTF-8 never uses
        for (String value : List.of("%C3%28", "%ED%A0%80", "%C0%80", "%FF")) {
            refused(send(queryText(), queryText().name() + "=" + value), queryText().name())
                    .then().body("error_msg", containsString("UTF-8"));
        }
    }

    @Test
    void tabsLineBreaksAndOtherScriptsAreStillText() {
        for (String value : List.of("a%09b", "a%0D%0Ab", "%E4%B8%AD%E6%96%87", "%F0%9F%98%80")) {
            send(queryText(), queryText().name() + "=" + value).then().statusCode(lessThan(500))
                    .body("error_msg", not(containsString("control characters")))
                    .body("error_msg", not(containsString("UTF-8")));
        }
    }

    @Test
    void controlCharactersAndBytesThatAreNotUtf8InAPathParameterAreRefusedNamingIt() {
        for (String value : List.of("%00", "a%00b", "%7F", "%C3%28", "%ED%A0%80")) {
            Target target = pathText();
            refused(spec(target).request(target.method(), target.path().replace("{value}", value)), target.name());
        }
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesInAJsonStringAreRefusedNamingTheField() {
        for (String value : List.of("\\u0000", "a\\u0000b", "\\u0001", "\\u001f", "\\u007f", "\\b", "\\f",
                "\\ud800", "a\\udc00b", "\\ud800\\ud800")) {
            refused(sendJson(jsonText(), "\"" + value + "\""), jsonText().name());
        }
    }

    @Test
    void aJsonKeyWithAControlCharacterIsRefused() {
        String body = jsonText().json().formatted("\"x\"").replaceFirst("\\{", "{\"k\\\\u0000\":1,");
        refused(sendJson(jsonText(), body.getBytes(StandardCharsets.UTF_8)), "k\\u0000")
                .then().body("error_msg", containsString("its name"));
    }

    @Test
    void aRepeatedJsonKeyIsRefusedNamingIt() {
        String body = jsonText().json().formatted("\"x\"")
                .replaceFirst("\\{", "{\"" + jsonText().name() + "\":\"y\",");
        refused(sendJson(jsonText(), body.getBytes(StandardCharsets.UTF_8)), jsonText().name())
                .then().body("error_msg", containsString("more than once"));
    }

    @Test
    void bytesThatAreNotUtf8InAJsonBodyAreRefusedNamingTheField() {
        String[] around = jsonText().json().formatted("\"a\u0001b\"").split("\u0001");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        refused(sendJson(jsonText(), body.toByteArray()), jsonText().name())
                .then().body("error_msg", containsString("UTF-8"));
    }

    @Test
    void aBodyThatIsNotJsonOrNestsWithoutEndIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (String body : List.of("not json", "{\"a\":", deep, jsonText().json().formatted(deep))) {
            sendJson(jsonText(), body.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                    .body("error_code", equalTo("CBC.0100"));
        }
    }

    @Test
    void nullInAListIsRefusedNamingTheElement() {
        refused(sendJson(jsonList(), "[null]"), jsonList().name() + "[0]");
        refused(sendJson(jsonList(), "[\"a\",null]"), jsonList().name() + "[1]");
    }

    @Test
    void numbersTooLargeForTheirFieldAreRefusedNamingIt() {
        for (String value : List.of("99999999999999999999999", "-99999999999999999999999", "1e400", "-1e400")) {
            refused(sendJson(jsonInteger(), value), jsonInteger().name());
        }
        jsonDecimal().ifPresent(decimal -> {
            for (String value : List.of("1e1000000", "-1e1000000", "1e400", "1e-1000000", "1234567890123456",
                    "\"1e1000000\"")) {
                refused(sendJson(decimal, value), decimal.name());
            }
        });
    }

    @Test
    void aTimeWithAnAbsurdYearIsRefusedNamingIt() {
        Target time = time();
        Response answer = time.json() == null
                ? send(time, time.name() + "=" + absurdTime())
                : sendJson(time, "\"" + absurdTime() + "\"");
        refused(answer, time.name());
    }

    /** 400 CBC.0100 in the JSON envelope, naming {@code name}. */
    protected static Response refused(Response answer, String name) {
        answer.then().statusCode(400).contentType(startsWith("application/json"))
                .body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString(name));
        return answer;
    }

    private Response send(Target target, String parameter) {
        return spec(target).request(target.method(), target.path() + (target.path().contains("?") ? "&" : "?")
                + parameter);
    }

    private Response sendJson(Target target, String value) {
        return sendJson(target, target.json().formatted(value).getBytes(StandardCharsets.UTF_8));
    }

    private Response sendJson(Target target, byte[] body) {
        return spec(target).contentType(ContentType.JSON).body(body).request(target.method(), target.path());
    }

    private RequestSpecification spec(Target target) {
        return given().urlEncodingEnabled(false).header("Authorization", authorization(target));
    }
}
