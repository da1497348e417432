package io.openbss.console.operator;

import io.openbss.console.api.AdminApi;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Page;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.openbss.console.tables.Column;
import io.openbss.console.tables.TableView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Accounts ({@code /admin/v1/domains}): the list, found by name, and a new account with its root user. */
@Path("/operator/accounts")
public class AccountsResource {

    static final List<String> KINDS = List.of("individual", "enterprise_master", "enterprise_sub", "partner");
    static final List<Column> COLUMNS = List.of(Column.link("domain_id", "/operator/accounts/{value}"),
            Column.text("name"), Column.code("kind", "kind"), Column.code("enabled", "enabled"),
            Column.text("mobile_phone"), Column.time("created_at"));

    @Inject
    AdminApi admin;

    @Inject
    CurrentSession current;

    @Location("operator/accounts.html")
    Template accounts;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("name") String name, @QueryParam("done") String done) {
        Session session = current.get();
        return render(session, OperatorPages.of(session, "/operator/accounts", "nav_accounts", done), name, 200);
    }

    /** The accounts the name selects, as CSV. */
    Response csv(Session session, String name) {
        ApiAnswer answer = admin.get(session, "/admin/v1/domains", query(name));
        if (!answer.ok()) {
            return Response.status(502).type("text/plain").entity(OperatorPages.error(answer)).build();
        }
        StringBuilder csv = new StringBuilder();
        AdminTable.csv(csv, answer.get("domains"), COLUMNS, true);
        return Response.ok("\uFEFF" + csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"accounts.csv\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String kind) {
        Session session = current.get();
        Page page = OperatorPages.of(session, "/operator/accounts", "nav_accounts", null);
        if (kind == null || !KINDS.contains(kind)) {
            return render(session, page.withBadParameter("kind"), null, 400);
        }
        ApiAnswer answer = admin.call(session, "POST", "/admin/v1/domains", Map.of(),
                Map.of("name", name == null ? "" : name.strip(), "kind", kind));
        if (!answer.ok()) {
            return render(session, page.withError(OperatorPages.error(answer)), null, answer.status());
        }
        return OperatorPages.seeOther("/operator/accounts/" + PublicApi.encode(answer.get("domain_id").asText()),
                "account_created");
    }

    private Response render(Session session, Page page, String name, int status) {
        ApiAnswer answer = admin.get(session, "/admin/v1/domains", query(name));
        List<List<TableView.Cell>> rows = answer.ok() ? AdminTable.rows(session, answer.get("domains"), COLUMNS)
                : List.of();
        String value = name == null ? "" : name.strip();
        TableView view = new TableView("accounts", AdminTable.headings(session, COLUMNS), rows, rows.size(), 0,
                Math.max(1, rows.size()), List.of(new TableView.FilterView("name",
                        OperatorPages.text(session, "op_f_name"), "text", value, List.of())), null, null,
                answer.ok() ? "/operator/export/accounts.csv?name=" + PublicApi.encode(value) : null,
                answer.ok() ? null : OperatorPages.error(answer));
        return OperatorPages.html(status, accounts.data("page", page).data("view", view).data("kinds", KINDS.stream()
                .map(kind -> new TableView.Option(kind, OperatorPages.text(session, "op_code_kind_" + kind), false))
                .toList()));
    }

    private static Map<String, String> query(String name) {
        Map<String, String> query = new LinkedHashMap<>();
        if (name != null && !name.isBlank()) {
            query.put("name", name.strip());
        }
        return query;
    }
}
