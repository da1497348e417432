package io.openbss.console.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.AdminApi;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.BadParameter;
import io.openbss.console.layout.Page;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.openbss.console.tables.Column;
import io.openbss.console.tables.TableExportResource;
import io.openbss.console.tables.TableView;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit trail ({@code GET /admin/v1/audit}): its filters, newest first, paged, and as CSV. */
@Path("/operator/audit")
public class AuditResource {

    static final int PAGE_SIZE = 20;
    static final int EXPORT_PAGE_SIZE = 1000;
    static final int EXPORT_MAX_ROWS = 10_000;
    static final List<Column> COLUMNS = List.of(Column.time("occurred_at"), Column.text("actor"),
            Column.text("domain_name"), Column.text("user_name"), Column.text("access_key"),
            Column.text("operation"), Column.text("method"), Column.text("path"), Column.text("identifiers"),
            Column.text("source_ip"), Column.text("status"), Column.code("result", "result"),
            Column.text("error_code"), Column.text("request_id"), Column.text("upstream_request_id"),
            Column.text("duration_ms"), Column.link("domain_id", "/operator/accounts/{value}"));

    @Inject
    AdminApi admin;

    @Inject
    CurrentSession current;

    @Location("list.html")
    Template list;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response audit(@Context UriInfo uri) {
        Session session = current.get();
        Page page = OperatorPages.of(session, "/operator/audit", "nav_audit", null);
        Map<String, String> query = TableExportResource.single(uri);
        Map<String, String> given = AuditFilters.given(query);
        TableView view;
        int status = 200;
        try {
            Map<String, String> api = AuditFilters.apiQuery(given, session.zone());
            int offset = number(query.get("offset"), 0, Integer.MAX_VALUE, "offset");
            int limit = number(query.get("limit"), PAGE_SIZE, 100, "limit");
            api.put("offset", Integer.toString(offset));
            api.put("limit", Integer.toString(limit));
            ApiAnswer answer = admin.get(session, "/admin/v1/audit", api);
            if (answer.ok()) {
                view = page(session, given, answer, offset, limit);
            } else {
                view = empty(session, given, OperatorPages.error(answer));
                status = answer.status();
            }
        } catch (BadParameter bad) {
            view = empty(session, given, Texts.get(session.language(), "bad_filter") + " " + bad.getMessage());
            status = 400;
        }
        return OperatorPages.html(status, list.data("page", page).data("tabs", List.of()).data("view", view));
    }

    /** Every record the filters select (up to {@value #EXPORT_MAX_ROWS}), as CSV. */
    Response csv(Session session, UriInfo uri) {
        Map<String, String> api;
        try {
            api = AuditFilters.apiQuery(AuditFilters.given(TableExportResource.single(uri)), session.zone());
        } catch (BadParameter bad) {
            return Response.status(400).type("text/plain").entity("invalid parameter " + bad.getMessage()).build();
        }
        StringBuilder csv = new StringBuilder();
        int offset = 0;
        while (offset < EXPORT_MAX_ROWS) {
            api.put("offset", Integer.toString(offset));
            api.put("limit", Integer.toString(EXPORT_PAGE_SIZE));
            ApiAnswer answer = admin.get(session, "/admin/v1/audit", api);
            if (!answer.ok()) {
                return Response.status(502).type("text/plain").entity(OperatorPages.error(answer)).build();
            }
            JsonNode records = answer.get("records");
            AdminTable.csv(csv, records, COLUMNS, offset == 0);
            offset += records.size();
            if (records.size() < EXPORT_PAGE_SIZE || offset >= answer.get("total_count").asLong(0)) {
                break;
            }
        }
        return Response.ok("\uFEFF" + csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    private static TableView page(Session session, Map<String, String> given, ApiAnswer answer, int offset,
            int limit) {
        List<List<TableView.Cell>> rows = AdminTable.rows(session, answer.get("records"), COLUMNS);
        long total = answer.get("total_count").asLong(rows.size());
        String query = queryString(given);
        String previous = offset > 0 ? "/operator/audit?" + query + "offset=" + Math.max(0, offset - limit)
                + "&limit=" + limit : null;
        String next = !rows.isEmpty() && offset + rows.size() < total
                ? "/operator/audit?" + query + "offset=" + (offset + limit) + "&limit=" + limit : null;
        return new TableView("audit", AdminTable.headings(session, COLUMNS), rows, total, offset, limit,
                filters(session, given), previous, next, "/operator/export/audit.csv?" + query, null);
    }

    private static TableView empty(Session session, Map<String, String> given, String error) {
        return new TableView("audit", AdminTable.headings(session, COLUMNS), List.of(), 0, 0, PAGE_SIZE,
                filters(session, given), null, null, null, error);
    }

    private static List<TableView.FilterView> filters(Session session, Map<String, String> given) {
        Map<String, String> texts = Texts.of(session.language());
        List<TableView.FilterView> filters = new ArrayList<>();
        for (String name : AuditFilters.names()) {
            String value = given.getOrDefault(name, "");
            String label = texts.get("op_f_" + name);
            if (name.equals("result")) {
                List<TableView.Option> options = new ArrayList<>();
                options.add(new TableView.Option("", texts.get("any"), value.isEmpty()));
                AuditFilters.RESULTS.forEach(result -> options.add(new TableView.Option(result,
                        texts.get("op_code_result_" + result), result.equals(value))));
                filters.add(new TableView.FilterView(name, label, "select", value, options));
            } else {
                filters.add(new TableView.FilterView(name, label,
                        AuditFilters.TIMES.contains(name) ? "datetime-local" : "text", value, List.of()));
            }
        }
        return filters;
    }

    private static int number(String value, int absent, int max, String name) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < (name.equals("limit") ? 1 : 0) || number > max) {
                throw new BadParameter(name);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadParameter(name);
        }
    }

    private static String queryString(Map<String, String> given) {
        Map<String, String> ordered = new LinkedHashMap<>(given);
        StringBuilder query = new StringBuilder();
        ordered.forEach((name, value) -> query.append(PublicApi.encode(name)).append('=')
                .append(PublicApi.encode(value)).append('&'));
        return query.toString();
    }
}
