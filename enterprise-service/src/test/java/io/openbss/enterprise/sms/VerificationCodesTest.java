package io.openbss.enterprise.sms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.CallerKind;
import io.openbss.enterprise.FakeGateway;
import io.openbss.testing.InternalKeys;
import io.openbss.common.time.ShiftableClock;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class VerificationCodesTest {

    static final String PATH = "/v2/enterprises/multi-accounts/sm-verification-code";
    static final AtomicLong PHONES = new AtomicLong(System.currentTimeMillis() % 100_000_000);

    @Inject
    VerificationCodes codes;

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCodeReachesTheOutboxAndIsSpentOnceUsed() throws IOException {
        String phone = phone();
        send(Map.of("mobile_phone", phone, "language", "en-us", "sm_template_args",
                List.of(Map.of("key", "sub_customer_name", "value", "dev-team")))).statusCode(200);
        String line = lastLine(phone);
        assertThat(line).contains("dev-team").contains("valid for 10 minutes");
        String code = code(line);
        long codeId = codes.verify(phone, code).await().indefinitely();
        codes.spend(codeId).await().indefinitely();
        assertWrong(phone, code);
    }

    @Test
    void aCodeExpiresAfterItsTimeout() throws IOException {
        String phone = phone();
        send(Map.of("mobile_phone", phone, "timeout", 2)).statusCode(200);
        String code = code(lastLine(phone));
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertWrong(phone, code);
    }

    @Test
    void tooManyWrongTriesSpendTheCode() throws IOException {
        String phone = phone();
        send(Map.of("mobile_phone", phone)).statusCode(200);
        String code = code(lastLine(phone));
        for (int i = 0; i < 5; i++) {
            assertWrong(phone, String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000));
        }
        assertWrong(phone, code);
    }

    @Test
    void aPhoneGetsOneCodeAMinuteAndTenAnHour() {
        String phone = phone();
        send(Map.of("mobile_phone", phone)).statusCode(200);
        send(Map.of("mobile_phone", phone)).statusCode(429).body("error_code", equalTo("CBC.0250"));
        send(Map.of("mobile_phone", phone())).statusCode(200);
        for (int i = 1; i < 10; i++) {
            clock.advance(Duration.ofSeconds(61));
            send(Map.of("mobile_phone", phone)).statusCode(200);
        }
        clock.advance(Duration.ofSeconds(61));
        send(Map.of("mobile_phone", phone)).statusCode(429);
    }

    @Test
    void badInputNamesTheParameterAndOnlyMastersSendCodes() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("mobile_phone", "not a phone");
        bad.put("timeout", 0);
        bad.put("language", "fr");
        bad.put("sm_template_args", List.of(Map.of("key", "password", "value", "x")));
        for (Map.Entry<String, Object> field : bad.entrySet()) {
            Map<String, Object> body = new HashMap<>(Map.of("mobile_phone", phone()));
            body.put(field.getKey(), field.getValue());
            send(body).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString(field.getKey()));
        }
        send(Map.of("mobile_phone", "1".repeat(21))).statusCode(400).body("error_msg", containsString("mobile_phone"));
        send(Map.of("timeout", 5)).statusCode(400).body("error_msg", containsString("mobile_phone"));
        send(Map.of("mobile_phone", phone(), "timeout", "ten")).statusCode(400)
                .body("error_msg", containsString("timeout"));
        given().header("Authorization", InternalKeys.bearer("enterprise-service", "someone", CallerKind.INDIVIDUAL))
                .contentType(ContentType.JSON).body(Map.of("mobile_phone", phone())).post(PATH).then()
                .statusCode(403).body("error_code", equalTo("CBC.0151"));
    }

    private void assertWrong(String phone, String code) {
        assertThatThrownBy(() -> codes.verify(phone, code).await().indefinitely())
                .isInstanceOfSatisfying(BssException.class, e -> assertThat(e.getMessage())
                        .contains("verification_code"));
    }

    private static ValidatableResponse send(Map<String, ?> body) {
        return given().header("Authorization", InternalKeys.bearer("enterprise-service", "master-sms",
                CallerKind.ENTERPRISE_MASTER)).contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    private static String phone() {
        return "+86-137" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
    }

    private static String lastLine(String phone) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("target/sms-outbox.log")).stream()
                .filter(l -> l.contains("\t" + phone + "\t")).toList();
        assertThat(lines).as("messages to " + phone).isNotEmpty();
        return lines.get(lines.size() - 1);
    }

    private static String code(String line) {
        Matcher code = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(line.split("\t")[2]);
        assertThat(code.find()).as("a code in " + line).isTrue();
        return code.group();
    }
}
