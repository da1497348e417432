package io.openbss.billing.accounts;

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
import static org.hamcrest.Matchers.containsString;
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

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class AccountChangeRecordsTest {

    static final String PATH = "/v2/accounts/customer-accounts/account-change-records";

    @Test
    void cashRecordsShowRechargesAndDeductionsNewestFirst() {
        String id = funded("100.00");
        recharge("second-" + id, id, "50.00").statusCode(200);
        charge("o-" + id, id, List.of(line("hws.service.type.ec2", "30.00")), Map.of()).statusCode(200);
        JsonPath records = list(id, Map.of("balance_type", "BALANCE_TYPE_DEBIT")).statusCode(200).extract().jsonPath();
        assertThat(records.getInt("total_count")).isEqualTo(3);
        assertThat(records.getString("currency")).isEqualTo("CNY");
        assertThat(records.getString("records[0].trade_detail_type")).isEqualTo("DEDUCT_ORDER");
        assertThat(records.getString("records[0].revenue_expense_type")).isEqualTo("EXPENSE");
        assertThat(records.getString("records[0].change_amount")).isEqualTo("30.00");
        assertThat(records.getString("records[0].balance_after_change")).isEqualTo("120.00");
        assertThat(records.getString("records[0].trade_id")).isEqualTo("CS-o-" + id);
        assertThat(records.getString("records[0].cloud_service_type_name")).isEqualTo("弹性云服务器");
        assertThat(records.getString("records[1].trade_detail_type")).isEqualTo("RECHARGE");
        assertThat(records.getString("records[1].payment_channel_id")).isEqualTo("2");
        assertThat(records.getString("records[2].balance_after_change")).isEqualTo("100.00");

        assertThat(list(id, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "revenue_expense_type", "REVENUE"))
                .extract().jsonPath().getInt("total_count")).isEqualTo(2);
        assertThat(list(id, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_type", "DEDEUCT"))
                .extract().jsonPath().getInt("total_count")).isEqualTo(1);
        assertThat(list(id, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_id", "second-" + id))
                .extract().jsonPath().getInt("total_count")).isEqualTo(1);
        assertThat(list(id, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "payment_channel_id", "1,5"))
                .extract().jsonPath().getInt("total_count")).isZero();
        assertThat(list(id, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_time_begin", "2000-01-01",
                "trade_time_end", "2000-12-31")).extract().jsonPath().getInt("total_count")).isZero();
        assertThat(list(id, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "limit", "1", "offset", "2"))
                .extract().jsonPath().getString("records[0].trade_detail_type")).isEqualTo("RECHARGE");
    }

    @Test
    void creditRecordsShowTheGrantAndItsUse() {
        String id = newCustomerId();
        register(id, new BigDecimal("500.00")).statusCode(200);
        charge("c-" + id, id, List.of(line("hws.service.type.ec2", "30.00")), Map.of()).statusCode(200);
        JsonPath records = list(id, Map.of("balance_type", "BALANCE_TYPE_CREDIT")).extract().jsonPath();
        assertThat(records.getList("records.trade_detail_type")).containsExactly("DEDUCT_ORDER", "CREDIT_GRANT");
        assertThat(records.getString("records[0].balance_after_change")).isEqualTo("470.00");
    }

    @Test
    void onlyTheCallersOwnRecords() {
        String id = funded("100.00");
        assertThat(list(funded("0"), Map.of("balance_type", "BALANCE_TYPE_DEBIT")).extract().jsonPath()
                .getInt("total_count")).isZero();
        assertThat(id).isNotEmpty();
    }

    @Test
    void everyDocumentedTradeTypeIsAFilter() {
        String id = funded("10.00");
        for (String type : List.of("RECHARGE", "DEDEUCT", "REFUND", "RFROZEN", "TRANS", "ADJUST", "BEUNBIND",
                "EXPIRED", "BONUSCONVERT", "TRADE_MODE_TRANSFER", "DEPOSIT", "BEADJUST", "BERETRIEVE")) {
            list(id, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_type", type)).statusCode(200);
        }
    }

    @Test
    void enterpriseAllocationsAndReclaimsShowOnBothSidesUnderTheMastersTransId() {
        String master = funded("100.00");
        String sub = funded("0");
        transfer("ledger-key-a-" + sub, master, sub, "30.00", "ALLOCATE", "trans-a-" + sub).statusCode(200);
        transfer("ledger-key-r-" + sub, sub, master, "10.00", "RECLAIM", "trans-r-" + sub).statusCode(200);
        for (String side : List.of(master, sub)) {
            JsonPath allocated = list(side, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_type", "BEADJUST"))
                    .statusCode(200).extract().jsonPath();
            assertThat(allocated.getList("records.trade_id")).containsExactly("trans-a-" + sub);
            assertThat(allocated.getString("records[0].change_amount")).isEqualTo("30.00");
            JsonPath reclaimed = list(side, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_type", "BERETRIEVE"))
                    .statusCode(200).extract().jsonPath();
            assertThat(reclaimed.getList("records.trade_id")).containsExactly("trans-r-" + sub);
            assertThat(list(side, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_type", "TRANS")).extract()
                    .jsonPath().getInt("total_count")).isZero();
        }
        assertThat(list(sub, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_id", "trans-a-" + sub)).extract()
                .jsonPath().getString("records[0].revenue_expense_type")).isEqualTo("REVENUE");
        assertThat(list(master, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_id", "trans-a-" + sub))
                .extract().jsonPath().getString("records[0].revenue_expense_type")).isEqualTo("EXPENSE");
        // the ledger key still makes the transfer happen once
        transfer("ledger-key-a-" + sub, master, sub, "30.00", "ALLOCATE", "trans-a-" + sub).statusCode(200);
        assertThat(list(sub, Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_type", "BEADJUST")).extract()
                .jsonPath().getInt("total_count")).isEqualTo(1);
    }

    @Test
    void badQueriesNameTheParameter() {
        String id = funded("0");
        list(id, Map.of()).statusCode(400).body("error_msg", containsString("balance_type"));
        Map<String, Map<String, String>> bad = Map.of(
                "balance_type", Map.of("balance_type", "GOLD"),
                "revenue_expense_type", Map.of("balance_type", "BALANCE_TYPE_DEBIT", "revenue_expense_type", "BOTH"),
                "trade_type", Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_type", "STEAL"),
                "trade_time_begin", Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_time_begin", "2026/01/01"),
                "trade_time_end", Map.of("balance_type", "BALANCE_TYPE_DEBIT", "trade_time_begin", "2026-02-01",
                        "trade_time_end", "2026-01-01"),
                "payment_channel_id", Map.of("balance_type", "BALANCE_TYPE_DEBIT", "payment_channel_id", "2,x"),
                "limit", Map.of("balance_type", "BALANCE_TYPE_DEBIT", "limit", "101"));
        bad.forEach((name, params) -> list(id, params).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString(name)));
    }

    static io.restassured.response.ValidatableResponse transfer(String key, String from, String to, String amount,
            String reason, String tradeId) {
        return internal("/internal/v1/ledger/transfers", Map.of("idempotency_key", key, "from_customer_id", from,
                "to_customer_id", to, "amount", new BigDecimal(amount), "balance_type", "BALANCE_TYPE_DEBIT",
                "reason", reason, "trade_id", tradeId));
    }

    static io.restassured.response.ValidatableResponse list(String customerId, Map<String, String> params) {
        return given().header("Authorization", customer(customerId)).queryParams(params).get(PATH).then();
    }
}
