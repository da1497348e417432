package io.openbss.console.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Grants;
import io.openbss.console.layout.Page;
import io.openbss.console.layout.Pages;
import io.openbss.console.layout.ServiceNames;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's first page: balances, this month's spend and where it is heading, the cost trend and the cost by
 * service, what expires within a week and what waits for payment. Every figure is an API answer; the forecast is
 * this month's spend at its daily rate so far, and says so.
 */
@Path("/")
public class OverviewResource {

    /** Business dates (bill cycles) are UTC+8, as the API's. */
    static final ZoneOffset BUSINESS = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    @Inject
    PublicApi api;

    @Inject
    CurrentSession current;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceNames serviceNames;

    @Location("overview.html")
    Template overview;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        Session session = current.get();
        Page page = Pages.of(session, "/", "nav_overview");
        Formats formats = new Formats(session);
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(BUSINESS);
        YearMonth month = YearMonth.from(today);

        if (Grants.may(session, "ShowCustomerAccountBalances")) {
            ApiAnswer balances = api.call(session, "ShowCustomerAccountBalances", Map.of());
            if (balances.ok()) {
                String currency = balances.get("currency").asText("CNY");
                BigDecimal available = BigDecimal.ZERO;
                BigDecimal credit = BigDecimal.ZERO;
                for (JsonNode account : balances.get("account_balances")) {
                    if (account.path("account_type").asInt() == 1) {
                        available = available.add(account.path("amount").decimalValue());
                    } else if (account.path("account_type").asInt() == 2) {
                        credit = credit.add(account.path("amount").decimalValue());
                    }
                }
                data.put("available", formats.money(available, currency));
                data.put("credit", formats.money(credit, currency));
                data.put("arrears", formats.money(balances.get("debt_amount").decimalValue(), currency));
            } else {
                errors.add(balances.error());
            }
        }
        if (Grants.may(session, "ShowCustomerMonthlySum")) {
            ApiAnswer sum = api.call(session, "ShowCustomerMonthlySum", Map.of("bill_cycle", month.toString(),
                    "limit", "1"));
            if (sum.ok()) {
                String currency = sum.get("currency").asText("CNY");
                BigDecimal spent = sum.get("consume_amount").decimalValue();
                data.put("spent", formats.money(spent, currency));
                BigDecimal forecast = spent.multiply(BigDecimal.valueOf(month.lengthOfMonth()))
                        .divide(BigDecimal.valueOf(today.getDayOfMonth()), 2, RoundingMode.HALF_UP);
                data.put("forecast", formats.money(forecast, currency));
            } else {
                errors.add(sum.error());
            }
        }
        if (Grants.may(session, "ListCosts")) {
            Map<String, Object> range = Map.of("time_measure_id", 2, "begin_time", month.minusMonths(11).toString(),
                    "end_time", month.toString());
            ApiAnswer trend = api.call(session, "ListCosts", Map.of(), Map.of("time_condition", range,
                    "limit", 1000));
            ApiAnswer byService = api.call(session, "ListCosts", Map.of(), Map.of("time_condition", range,
                    "groupby", List.of(Map.of("type", "dimension", "key", "CLOUD_SERVICE_TYPE")), "limit", 1000));
            if (trend.ok() && byService.ok()) {
                data.put("trend", chart(trendChart(trend, month)));
                data.put("services", chart(serviceChart(byService, serviceNames.of(session))));
            } else {
                errors.add(trend.ok() ? byService.error() : trend.error());
            }
        }
        if (Grants.may(session, "ListPayPerUseCustomerResources")) {
            Instant now = Instant.now();
            ApiAnswer expiring = api.call(session, "ListPayPerUseCustomerResources", Map.of(), Map.of(
                    "only_main_resource", 1, "status_list", List.of(2), "limit", 100,
                    "expire_time_begin", WIRE_TIME.format(now.atOffset(ZoneOffset.UTC)),
                    "expire_time_end", WIRE_TIME.format(now.plus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))));
            if (expiring.ok()) {
                List<Map<String, String>> rows = new ArrayList<>();
                expiring.get("data").forEach(resource -> rows.add(Map.of(
                        "id", resource.path("resource_id").asText(),
                        "name", resource.path("resource_name").asText(),
                        "service", resource.path("service_type_name").asText(),
                        "expires", formats.time(resource.path("expire_time").asText()))));
                data.put("expiring", rows);
            } else {
                errors.add(expiring.error());
            }
        }
        if (Grants.may(session, "ListCustomerOrders")) {
            ApiAnswer pending = api.call(session, "ListCustomerOrders", Map.of("status", "6", "limit", "100"));
            if (pending.ok()) {
                List<Map<String, String>> rows = new ArrayList<>();
                pending.get("order_infos").forEach(order -> rows.add(Map.of(
                        "id", order.path("order_id").asText(),
                        "service", order.path("service_type_name").asText(),
                        "amount", formats.money(order.path("amount_after_discount"),
                                order.path("currency").asText("CNY")),
                        "created", formats.time(order.path("create_time").asText()))));
                data.put("pending", rows);
            } else {
                errors.add(pending.error());
            }
        }
        return overview.data("page", errors.isEmpty() ? page : page.withError(String.join("; ", errors)))
                .data("o", data);
    }

    /** Twelve months, each with its amount (zero where the API has no cost), oldest first. */
    private static Map<String, Object> trendChart(ApiAnswer trend, YearMonth month) {
        Map<String, String> amounts = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            amounts.put(month.minusMonths(i).toString(), "0");
        }
        for (JsonNode group : trend.get("cost_data")) {
            for (JsonNode cost : group.path("costs")) {
                amounts.computeIfPresent(cost.path("time_dimension_value").asText(),
                        (key, old) -> new BigDecimal(old).add(new BigDecimal(cost.path("amount").asText("0")))
                                .toPlainString());
            }
        }
        return Map.of("kind", "bar", "labels", List.copyOf(amounts.keySet()), "values",
                List.copyOf(amounts.values()), "currency", trend.get("currency").asText("CNY"));
    }

    private static Map<String, Object> serviceChart(ApiAnswer byService, Map<String, String> names) {
        List<Map<String, String>> slices = new ArrayList<>();
        for (JsonNode group : byService.get("cost_data")) {
            String code = group.path("dimensions").path(0).path("value").asText();
            slices.add(Map.of("name", names.getOrDefault(code, code),
                    "value", group.path("amount_by_costs").asText("0")));
        }
        return Map.of("kind", "pie", "slices", slices, "currency", byService.get("currency").asText("CNY"));
    }

    private String chart(Map<String, Object> chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
