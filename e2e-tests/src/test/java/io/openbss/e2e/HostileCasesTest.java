package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import io.openbss.e2e.ApiParameters.Location;
import io.openbss.e2e.ApiParameters.Parameter;
import io.openbss.e2e.ApiParameters.Type;
import io.openbss.e2e.Baselines.Baseline;
import io.openbss.e2e.Baselines.Fixtures;
import io.openbss.e2e.HostileCases.HostileCase;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hostile suite's catalogue of parameters, its baselines and the requests it makes of them, without a platform. */
class HostileCasesTest {

    final OperationTable table = OperationTable.load();
    final Map<String, List<Parameter>> parameters = ApiParameters.of(table);
    final Map<String, Baseline> baselines = Baselines.all(new Fixtures("master", "sub", "CS1", "org", "coupon",
            "subcoupon", "free", "+86-13700000000", "123456", "newsub", "customer", "pay", "cancel", "pending",
            "res1", "res2", "res3", "res4", "refund", "login", "secret", "MIItoken", LocalDate.of(2026, 3, 15)));

    @Test
    void everyOperationOfTheTableIsMatchedToTheSdkOrDescribed() {
        long fromSdk = table.all().stream().filter(o -> ApiParameters.sdkDefinition(o).isPresent()).count();
        assertThat(fromSdk).as("operations matched to BssMeta by method and path").isEqualTo(51);
        assertThat(parameters.keySet()).containsExactlyElementsOf(table.all().stream().map(Operation::name).toList());
        assertThat(table.all().stream().filter(o -> ApiParameters.sdkDefinition(o).isEmpty()).map(Operation::name))
                .containsExactlyInAnyOrderElementsOf(ApiParameters.EXTRAS.keySet());
    }

    @Test
    void theSdksMetadataGivesLocationsTypesAndNestedBodyFields() {
        assertThat(parameters.get("ShowCustomerOrderDetails")).contains(
                new Parameter(Location.PATH, "order_id", Type.STRING),
                new Parameter(Location.QUERY, "limit", Type.INTEGER),
                new Parameter(Location.HEADER, "X-Language", Type.STRING));
        assertThat(parameters.get("ListCosts")).contains(
                new Parameter(Location.BODY, "time_condition", Type.OBJECT),
                new Parameter(Location.BODY, "time_condition.begin_time", Type.DATE),
                new Parameter(Location.BODY, "filters[0].filter_factor.key", Type.STRING),
                new Parameter(Location.BODY, "filters[0].filter_factor.value[0]", Type.STRING));
        assertThat(parameters.get("UpdateSubEnterpriseAmount")).contains(
                new Parameter(Location.BODY, "amount", Type.MONEY),
                new Parameter(Location.BODY, "expire_time", Type.DATE));
        assertThat(parameters.get("ListOnDemandResourceRatings")).contains(
                new Parameter(Location.BODY, "product_infos[0].usage_value", Type.NUMBER));
    }

    @Test
    void everyOperationHasABaselineFillingItsPathAndWithABodyIfItTakesOne() {
        assertThat(baselines.keySet()).containsExactlyInAnyOrderElementsOf(parameters.keySet());
        for (Operation operation : table.all()) {
            Baseline baseline = baselines.get(operation.name());
            assertThat(baseline.path().keySet()).as(operation.name())
                    .containsExactlyElementsOf(operation.pathParameters());
            boolean takesBody = parameters.get(operation.name()).stream()
                    .anyMatch(p -> p.location() == Location.BODY);
            assertThat(baseline.body() != null).as(operation.name()).isEqualTo(takesBody);
        }
    }

    @Test
    void aHostileValueReplacesOneParameterOnlyAsItGoesOnTheWire() {
        List<HostileCase> all = allCases();
        HostileCase nulInBody = find(all, "PayOrders", "body:order_id", "string \\u0000");
        assertThat(text(nulInBody.body())).isEqualTo("{\"order_id\":\"\\u0000\",\"use_coupon\":\"NO\","
                + "\"use_discount\":\"NO\"}");
        HostileCase rawByte = find(all, "PayOrders", "body:use_coupon", "invalid UTF-8 FF in a string");
        assertThat(rawByte.body()).containsSequence('"', (byte) 0xFF, '"');
        HostileCase nested = find(all, "ListCosts", "body:filters[0].filter_factor.key", "left out");
        assertThat(text(nested.body())).contains("\"filter_factor\":{\"value\":[\"hws.service.type.ec2\"]}");
        HostileCase inQuery = find(all, "ListCustomerOrders", "query:limit", "NUL %00");
        assertThat(inQuery.rawQuery()).isEqualTo("limit=%00&offset=0");
        HostileCase added = find(all, "ListCustomerOrders", "query:create_time_begin",
                "bad date -999999999-01-01T00:00:00Z");
        assertThat(added.rawQuery()).isEqualTo("limit=10&offset=0&create_time_begin=-999999999-01-01T00%3A00%3A00Z");
        HostileCase twice = find(all, "ListCustomerOrders", "query:limit", "given twice");
        assertThat(twice.rawQuery()).isEqualTo("limit=10&limit=1&offset=0");
        HostileCase inPath = find(all, "ShowCustomerOrderDetails", "path:order_id", "path trick ..");
        assertThat(inPath.rawPath()).isEqualTo("/v2/orders/customer-orders/details/..");
        assertThat(inPath.pathValue()).isTrue();
        HostileCase duplicate = find(all, "UpdateSubEnterpriseAmount", "body", "duplicate key amount");
        assertThat(text(duplicate.body())).startsWith("{\"amount\":\"x\",\"amount\":\"0.01\",\"customer_id\":\"sub\"");
    }

    @Test
    void everyRequestOfATransferHasATransIdOfItsOwn() {
        List<String> transIds = new ArrayList<>();
        for (HostileCase c : allCases()) {
            if (c.operation().equals("UpdateSubEnterpriseAmount") && !c.parameter().equals("body:trans_id")) {
                String body = text(c.body());
                int at = body.indexOf("\"trans_id\":\"");
                if (at >= 0) {
                    transIds.add(body.substring(at, body.indexOf('"', at + 12)));
                }
            }
        }
        assertThat(transIds).hasSizeGreaterThan(50).doesNotHaveDuplicates();
    }

    @Test
    void theSuiteIsAFewThousandRequests() {
        assertThat(allCases().size()).isBetween(3_000, 8_000);
    }

    private List<HostileCase> allCases() {
        HostileCases cases = new HostileCases(table.all(), parameters, baselines, n -> "t" + n);
        List<HostileCase> all = new ArrayList<>(cases.baselines());
        table.all().forEach(o -> all.addAll(cases.of(o.name())));
        return all;
    }

    private static HostileCase find(List<HostileCase> cases, String operation, String parameter, String value) {
        return cases.stream().filter(c -> c.operation().equals(operation) && c.parameter().equals(parameter)
                && c.value().equals(value)).findFirst().orElseThrow(() -> new AssertionError(
                "no case " + operation + " " + parameter + " " + value));
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
