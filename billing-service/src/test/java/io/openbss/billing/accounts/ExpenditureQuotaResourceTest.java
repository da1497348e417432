package io.openbss.billing.accounts;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.charge;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.openbss.billing.BillingTestSupport.funded;
import static io.openbss.billing.BillingTestSupport.internal;
import static io.openbss.billing.BillingTestSupport.line;
import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ShowCustomerExpenditureQuota: a customer's credit line, granted and used, computed from the ledger. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class ExpenditureQuotaResourceTest {

    static final String PATH = "/v2/accounts/customer-accounts/expenditure-quota";
    static final String ECS = "hws.service.type.ec2";

    @Test
    void aCustomerWithoutCreditHasAQuotaOfZero() {
        String cashOnly = funded("80.00");
        for (String id : List.of(cashOnly, newCustomerId())) {
            JsonPath quota = quota(id);
            assertThat(quota.getString("granting_amount")).isEqualTo("0.00");
            assertThat(quota.getString("granting_amount_used")).isEqualTo("0.00");
            assertThat(quota.getString("percentage_granting_amount_used")).isEqualTo("0.00");
            assertThat(quota.getInt("measure_id")).isEqualTo(1);
            assertThat(quota.getString("currency")).isEqualTo("CNY");
        }
    }

    @Test
    void theQuotaIsTheCreditGrantedAndWhatChargesTookFromIt() {
        String id = newCustomerId();
        register(id, new BigDecimal("200.00")).statusCode(200);
        recharge("cash-" + id, id, "30.00").statusCode(200);
        assertQuota(id, "200.00", "0.00", "0.00");

        // cash pays first: 30.00 of the 152.00 charged, credit the other 122.00
        charge("c1-" + id, id, List.of(line(ECS, "152.00")), Map.of()).statusCode(200);
        assertQuota(id, "200.00", "122.00", "0.61");

        // the operator raises the credit line: the used part stays, its share falls (122 / 300 = 0.4066...)
        register(id, new BigDecimal("300.00")).statusCode(200);
        assertQuota(id, "300.00", "122.00", "0.41");
        recharge("repay-" + id, id, "22.00").statusCode(200);
        assertQuota(id, "300.00", "122.00", "0.41");
    }

    @Test
    void creditAMasterAllocatesIsTheSubAccountsQuotaAndNoLongerTheMasters() {
        String master = newCustomerId();
        register(master, new BigDecimal("500.00")).statusCode(200);
        String sub = funded("0");
        internal("/internal/v1/ledger/transfers", Map.of("idempotency_key", "allocate-" + sub, "from_customer_id",
                master, "to_customer_id", sub, "amount", new BigDecimal("200.00"), "balance_type",
                "BALANCE_TYPE_CREDIT", "reason", "ALLOCATE")).statusCode(200);
        assertQuota(master, "300.00", "0.00", "0.00");
        assertQuota(sub, "200.00", "0.00", "0.00");

        // 43 of 200 is 0.215, rounded half up
        charge("server-" + sub, sub, List.of(line(ECS, "43.00")), Map.of()).statusCode(200);
        assertQuota(sub, "200.00", "43.00", "0.22");
        assertQuota(master, "300.00", "0.00", "0.00");

        // the master takes back what the sub-account has not used: its quota shrinks with it, the used part stays
        internal("/internal/v1/ledger/transfers", Map.of("idempotency_key", "reclaim-" + sub, "from_customer_id",
                sub, "to_customer_id", master, "amount", new BigDecimal("57.00"), "balance_type",
                "BALANCE_TYPE_CREDIT", "reason", "RECLAIM")).statusCode(200);
        assertQuota(sub, "143.00", "43.00", "0.30");
        assertQuota(master, "357.00", "0.00", "0.00");
    }

    @Test
    void theQuotaAgreesWithTheCreditBalance() {
        String id = newCustomerId();
        register(id, new BigDecimal("1000.00")).statusCode(200);
        charge("c-" + id, id, List.of(line(ECS, "333.33")), Map.of()).statusCode(200);
        JsonPath balances = given().header("Authorization", customer(id))
                .get("/v2/accounts/customer-accounts/balances").then().statusCode(200).extract().jsonPath()
                .using(EXACT);
        BigDecimal granted = balances.getObject("account_balances.find { it.account_type == 2 }.credit_amount",
                BigDecimal.class);
        BigDecimal available = balances.getObject("account_balances.find { it.account_type == 2 }.amount",
                BigDecimal.class);
        JsonPath quota = quota(id);
        assertThat(quota.getObject("granting_amount", BigDecimal.class)).isEqualByComparingTo(granted);
        assertThat(quota.getObject("granting_amount_used", BigDecimal.class))
                .isEqualByComparingTo(granted.subtract(available)).isEqualByComparingTo("333.33");
        assertThat(quota.getString("percentage_granting_amount_used")).isEqualTo("0.33");
    }

    @Test
    void requestWithoutInternalTokenIsRefused() {
        given().get(PATH).then().statusCode(401).body("error_code", equalTo("CBC.0151"));
    }

    private static JsonPath quota(String customerId) {
        return given().header("Authorization", customer(customerId)).get(PATH).then().statusCode(200).extract()
                .jsonPath().using(EXACT);
    }

    private static void assertQuota(String customerId, String granted, String used, String share) {
        JsonPath quota = quota(customerId);
        assertThat(quota.getString("granting_amount")).as("granting_amount").isEqualTo(granted);
        assertThat(quota.getString("granting_amount_used")).as("granting_amount_used").isEqualTo(used);
        assertThat(quota.getString("percentage_granting_amount_used")).as("percentage_granting_amount_used")
                .isEqualTo(share);
    }
}
