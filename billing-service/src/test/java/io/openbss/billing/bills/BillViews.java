package io.openbss.billing.bills;

import static io.openbss.billing.BillingTestSupport.EXACT;
import static io.openbss.billing.BillingTestSupport.customer;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the bill views as a customer sees them, numbers exact, and turns rows into comparable text. */
public final class BillViews {

    public static final String MONTHLY_SUM = "/v2/bills/customer-bills/monthly-sum";
    public static final String FEE_RECORDS = "/v2/bills/customer-bills/fee-records";
    public static final String RES_FEE_RECORDS = "/v2/bills/customer-bills/res-fee-records";
    public static final String RES_RECORDS = "/v2/bills/customer-bills/res-records/query";
    public static final String BREAKDOWN = "/v2/costs/cost-analysed-bills/monthly-breakdown";
    public static final String COSTS = "/v4/costs/cost-analysed-bills/query";

    private BillViews() {
    }

    public static JsonPath get(String customerId, String path, Map<String, ?> query) {
        return given().header("Authorization", customer(customerId)).queryParams(query).get(path).then()
                .statusCode(200).extract().jsonPath().using(EXACT);
    }

    public static JsonPath post(String customerId, String path, Object body) {
        return given().header("Authorization", customer(customerId)).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(200).extract().jsonPath().using(EXACT);
    }

    public static JsonPath legacy(String customerId, YearMonth cycle, String payMethod) {
        return get(customerId, "/v1.0/" + customerId + "/customer/account-mgr/bill/res-records", Map.of("cycle",
                cycle.toString(), "payMethod", payMethod, "offset", "1", "limit", "1000"));
    }

    /** The rows under {@code path}, each as a map. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(JsonPath json, String path) {
        List<Map<String, Object>> rows = json.getList(path);
        return rows == null ? List.of() : rows;
    }

    /** The rows nested under {@code field} of a row. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(Map<String, Object> row, String field) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) row.get(field);
        return rows == null ? List.of() : rows;
    }

    public static BigDecimal amount(JsonPath json, String path) {
        return json.getObject(path, BigDecimal.class);
    }

    /** A value as text, numbers without trailing zeros so that 1.50 and 1.5000 read the same. */
    public static String text(Object value) {
        if (value instanceof BigDecimal number) {
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof String s && s.matches("-?\\d+\\.\\d+")) {
            return text(new BigDecimal(s));
        }
        return String.valueOf(value);
    }

    /** A row as the text of some of its fields, in the order given. */
    public static String key(Map<String, Object> row, String... fields) {
        StringBuilder key = new StringBuilder();
        for (String field : fields) {
            key.append(key.isEmpty() ? "" : "|").append(field).append('=').append(text(row.get(field)));
        }
        return key.toString();
    }

    /** Texts sorted, so that two multisets compare equal when they hold the same texts as often. */
    public static List<String> sorted(Collection<String> texts) {
        return texts.stream().sorted().toList();
    }
}
