package io.openbss.console.costs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.BadParameter;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Grants;
import io.openbss.console.layout.Page;
import io.openbss.console.layout.Pages;
import io.openbss.console.layout.ServiceNames;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.openbss.console.tables.Csv;
import io.openbss.console.tables.TableExportResource;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Cost analysis: ListCosts for the chosen grouping, days or months, range and cost type, drawn as stacked bars and
 * listed as a table (group, each day or month, total), the table exportable as CSV.
 */
@Path("/costs")
public class CostsResource {

    static final String OPERATION = "ListCosts";
    private static final int PAGE = 1000;
    private static final int MAX_PAGES = 20;

    @Inject
    PublicApi api;

    @Inject
    CurrentSession current;

    @Inject
    ObjectMapper json;

    @Location("costs.html")
    Template costs;

    @Inject
    ServiceNames serviceNames;

    /** Every group ListCosts answers for the query, page by page, or the API's refusal. */
    private record Answer(CostTable table, ApiAnswer refusal) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@Context UriInfo uri) {
        Session session = current.get();
        Page page = Pages.of(session, "/costs", "nav_costs");
        Map<String, String> texts = Texts.of(session.language());
        CostQuery query;
        try {
            query = CostQuery.of(TableExportResource.single(uri));
        } catch (BadParameter bad) {
            return render(page.withBadParameter(bad.getMessage()),
                    form(session, CostQuery.of(Map.of())), null, 400);
        }
        if (!Grants.may(session, OPERATION)) {
            return render(page, form(session, query), null, 200);
        }
        Answer answer = read(session, query);
        if (answer.refusal() != null) {
            return render(page.withError(answer.refusal().error()), form(session, query), null,
                    answer.refusal().status());
        }
        CostTable table = query.group().equals("service") ? answer.table().named(serviceNames.of(session))
                : answer.table();
        return render(page, form(session, query), view(session, query, table), 200);
    }

    @GET
    @Path("export.csv")
    public Response export(@Context UriInfo uri) {
        Session session = current.get();
        CostQuery query;
        try {
            query = CostQuery.of(TableExportResource.single(uri));
        } catch (BadParameter bad) {
            return Response.status(400).type("text/plain").entity("invalid parameter " + bad.getMessage()).build();
        }
        if (!Grants.may(session, OPERATION)) {
            return Response.status(404).type("text/plain").entity("no such table: costs").build();
        }
        Answer answer = read(session, query);
        if (answer.refusal() != null) {
            return Response.status(502).type("text/plain").entity(answer.refusal().error()).build();
        }
        return Response.ok("\uFEFF" + csv(answer.table()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"costs.csv\"").build();
    }

    private Answer read(Session session, CostQuery query) {
        List<JsonNode> groups = new ArrayList<>();
        String currency = "CNY";
        for (int page = 0; page < MAX_PAGES; page++) {
            ApiAnswer answer = api.call(session, OPERATION, Map.of(), query.body(groups.size(), PAGE));
            if (!answer.ok()) {
                return new Answer(null, answer);
            }
            currency = answer.get("currency").asText(currency);
            answer.get("cost_data").forEach(groups::add);
            if (answer.get("cost_data").size() < PAGE || groups.size() >= answer.get("total_count").asLong(0)) {
                break;
            }
        }
        return new Answer(CostTable.of(currency, query.buckets(), groups), null);
    }

    /** A heading of the answer's names (group, each day or month, amount_by_costs), then each group's amounts. */
    static String csv(CostTable table) {
        StringBuilder csv = new StringBuilder();
        StringJoiner heading = new StringJoiner(",", "", "\r\n");
        heading.add("group");
        table.buckets().forEach(bucket -> heading.add(Csv.field(bucket, false)));
        heading.add("amount_by_costs");
        csv.append(heading);
        for (CostTable.Row row : table.rows()) {
            StringJoiner line = new StringJoiner(",", "", "\r\n");
            line.add(Csv.field(row.group() == null ? "" : row.group(), false));
            row.amounts().forEach(amount -> line.add(amount == null ? "" : Csv.field(amount, true)));
            line.add(Csv.field(row.total(), true));
            csv.append(line);
        }
        return csv.toString();
    }

    private Map<String, Object> view(Session session, CostQuery query, CostTable table) {
        Map<String, String> texts = Texts.of(session.language());
        Formats formats = new Formats(session);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CostTable.Row row : table.rows()) {
            rows.add(Map.of("group", CostTable.name(row, texts.get("costs_all"), texts.get("costs_no_value")),
                    "amounts", row.amounts().stream().map(amount -> amount == null ? ""
                            : formats.money(new BigDecimal(amount), table.currency())).toList(),
                    "total", formats.money(new BigDecimal(row.total()), table.currency())));
        }
        StringBuilder export = new StringBuilder("/costs/export.csv?");
        query.asQuery().forEach((name, value) -> export.append(name).append('=').append(PublicApi.encode(value))
                .append('&'));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("chart", chart(table.chart(texts.get("costs_all"), texts.get("costs_no_value"))));
        view.put("buckets", table.buckets());
        view.put("rows", rows);
        view.put("span", table.buckets().size() + 2);
        view.put("csv", export.substring(0, export.length() - 1));
        return view;
    }

    /** The form's fields with the values chosen, and its choices named in the reader's language. */
    private static Map<String, Object> form(Session session, CostQuery query) {
        Map<String, String> texts = Texts.of(session.language());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("begin", query.begin());
        form.put("end", query.end());
        form.put("type", query.measure().equals("day") ? "date" : "month");
        form.put("groups", options(texts, "costs_group_", List.copyOf(CostQuery.GROUPS.keySet()), query.group()));
        form.put("measures", options(texts, "costs_measure_", CostQuery.MEASURES, query.measure()));
        form.put("costTypes", options(texts, "costs_cost_type_", CostQuery.COST_TYPES, query.costType()));
        form.put("amountTypes", options(texts, "costs_amount_type_", CostQuery.AMOUNT_TYPES, query.amountType()));
        return form;
    }

    private static List<Map<String, Object>> options(Map<String, String> texts, String prefix, List<String> values,
            String chosen) {
        return values.stream().map(value -> Map.<String, Object>of("value", value, "label",
                texts.get(prefix + value), "selected", value.equals(chosen))).toList();
    }

    private Response render(Page page, Map<String, Object> form, Map<String, Object> view, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(costs.data("page", page).data("form", form).data("view", view)).build();
    }

    private String chart(Map<String, Object> chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
