package io.openbss.orders.renewconfig;

import static io.openbss.orders.renewconfig.Subscriptions.renewConfig;
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
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class RenewSettingsTest {

    @Inject
    RenewSettings renewSettings;

    String customer;

    @BeforeEach
    void aCustomer() {
        customer = OrderFixtures.newCustomer();
    }

    @Test
    void withoutSettingsAutoRenewalChargesSevenDaysBeforeExpiryAndRenewalsKeepTheirDay() {
        assertThat(settings()).isEqualTo(new RenewSettings.Settings(7, null));
    }

    @Test
    void eachSettingIsKeptUntilItIsSetAgain() {
        renewConfig(customer, Map.of("config_name", "DEDUCTION_DATE", "config_value", "3")).statusCode(200)
                .body("error_code", equalTo("CBC.0000"));
        assertThat(settings()).isEqualTo(new RenewSettings.Settings(3, null));
        renewConfig(customer, Map.of("config_name", "EXPIRE_DATE", "config_value", "-1")).statusCode(200);
        assertThat(settings()).isEqualTo(new RenewSettings.Settings(3, -1));
        renewConfig(customer, Map.of("config_name", "EXPIRE_DATE", "config_value", "28")).statusCode(200);
        renewConfig(customer, Map.of("config_name", "DEDUCTION_DATE", "config_value", "2")).statusCode(200);
        assertThat(settings()).isEqualTo(new RenewSettings.Settings(2, 28));
        String other = OrderFixtures.newCustomer();
        renewConfig(other, Map.of("config_name", "EXPIRE_DATE", "config_value", "1")).statusCode(200);
        assertThat(renewSettings.of(other).await().indefinitely()).isEqualTo(new RenewSettings.Settings(7, 1));
        assertThat(settings()).isEqualTo(new RenewSettings.Settings(2, 28));
    }

    @Test
    void everyDocumentedValueIsAccepted() {
        for (int days = 2; days <= 7; days++) {
            renewConfig(customer, Map.of("config_name", "DEDUCTION_DATE", "config_value", String.valueOf(days)))
                    .statusCode(200);
            assertThat(settings().deductionDays()).isEqualTo(days);
        }
        for (int day = 1; day <= 28; day++) {
            renewConfig(customer, Map.of("config_name", "EXPIRE_DATE", "config_value", String.valueOf(day)))
                    .statusCode(200);
            assertThat(settings().unifiedExpireDay()).isEqualTo(day);
        }
    }

    @Test
    void aBadNameOrValueNamesTheParameterAndChangesNothing() {
        renewConfig(customer, Map.of("config_name", "DEDUCTION_DATE", "config_value", "5")).statusCode(200);
        renewConfig(customer, Map.of("config_name", "EXPIRE_DATE", "config_value", "15")).statusCode(200);
        List<Map<String, Object>> badNames = List.of(Map.of("config_name", "RENEW_DATE", "config_value", "3"),
                Map.of("config_name", "deduction_date", "config_value", "3"), Map.of("config_value", "3"),
                Map.of("config_name", "", "config_value", "3"),
                Map.of("config_name", Map.of("a", 1), "config_value", "3"));
        for (Map<String, Object> body : badNames) {
            renewConfig(customer, body).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("config_name"));
        }
        Map<String, List<Object>> badValues = Map.of(
                "DEDUCTION_DATE", List.of("1", "8", "0", "-1", "07", " 3", "3.0", "abc", "", List.of("3")),
                "EXPIRE_DATE", List.of("0", "29", "31", "-2", "01", "last", "", List.of("1")));
        badValues.forEach((name, values) -> values.forEach(value -> {
            Map<String, Object> body = new HashMap<>();
            body.put("config_name", name);
            body.put("config_value", value);
            renewConfig(customer, body).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("config_value"));
        }));
        renewConfig(customer, Map.of("config_name", "EXPIRE_DATE")).statusCode(400)
                .body("error_msg", containsString("config_value"));
        Subscriptions.as(customer).contentType(ContentType.JSON).body("[1]")
                .post(Subscriptions.BASE + "/renew/config").then().statusCode(400)
                .body("error_code", equalTo("CBC.0100"));
        assertThat(settings()).isEqualTo(new RenewSettings.Settings(5, 15));
    }

    private RenewSettings.Settings settings() {
        return renewSettings.of(customer).await().indefinitely();
    }
}
