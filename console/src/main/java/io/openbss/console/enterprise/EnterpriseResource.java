package io.openbss.console.enterprise;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Grants;
import io.openbss.console.layout.Page;
import io.openbss.console.layout.Pages;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.openbss.console.tables.Column;
import io.openbss.console.tables.Filter;
import io.openbss.console.tables.TableExportResource;
import io.openbss.console.tables.TablePage;
import io.openbss.console.tables.TableReader;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The enterprise (masters only): its organization tree and its sub-accounts, each opening its own page. */
@Path("/enterprise")
public class EnterpriseResource {

    @Produces
    static final TablePage SUB_ACCOUNTS = TablePage.query("sub-accounts", "ListEnterpriseSubCustomers",
            "sub_customer_infos", List.of(Column.link("id", "/enterprise/sub-accounts/{value}"), Column.text("name"),
                    Column.text("display_name"), Column.code("status", "sub_customer_status"),
                    Column.text("org_name"), Column.text("org_id")),
            List.of(Filter.text("sub_customer_account_name"), Filter.text("sub_customer_display_name"),
                    Filter.text("org_id")));

    @Inject
    PublicApi api;

    @Inject
    TableReader tables;

    @Inject
    CurrentSession current;

    @Location("list.html")
    Template list;

    @Location("enterprise.html")
    Template organizations;

    @GET
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public Response organizations() {
        Session session = current.get();
        Page page = Pages.of(session, "/enterprise", "nav_enterprise");
        if (EnterpriseTabs.closedTo(session)) {
            return Response.status(403).type(MediaType.TEXT_HTML).entity(organizations.data("page",
                    page.withError(Texts.get(session.language(), "ent_masters_only"))).data("tabs", List.of())
                    .data("root", null)).build();
        }
        Map<String, Object> root = null;
        if (Grants.may(session, "ListEnterpriseOrganizations")) {
            ApiAnswer answer = api.call(session, "ListEnterpriseOrganizations", Map.of("recursive_query", "1"));
            if (answer.ok()) {
                root = node(answer.get("root_id").asText(), answer.get("root_name").asText(),
                        answer.get("child_nodes"));
            } else {
                page = page.withError(answer.error());
            }
        }
        return Response.ok(organizations.data("page", page).data("tabs", EnterpriseTabs.of(session, "/enterprise"))
                .data("root", root), MediaType.TEXT_HTML).build();
    }

    @GET
    @Path("sub-accounts")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance subAccounts(@Context UriInfo uri, @QueryParam("done") String done) {
        Session session = current.get();
        Page page = Pages.of(session, "/enterprise", "nav_enterprise");
        if (done != null && Texts.of(session.language()).containsKey("ent_done_" + done)) {
            page = page.withNotice(Texts.get(session.language(), "ent_done_" + done));
        }
        Map<String, String> given = TableExportResource.single(uri);
        given.remove("done");
        return list.data("page", page).data("tabs", EnterpriseTabs.of(session, "/enterprise/sub-accounts"))
                .data("view", tables.read(session, SUB_ACCOUNTS, given, "/enterprise/sub-accounts"));
    }

    /** One unit of the tree and, nested, the units under it, as the answer's {@code child_nodes} nest them. */
    static Map<String, Object> node(String id, String name, JsonNode children) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        children.forEach(child -> nodes.add(node(child.path("id").asText(), child.path("name").asText(),
                child.path("child_nodes"))));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("name", name);
        node.put("children", nodes);
        return node;
    }

    /** Every unit of a tree, parents before children, for a choice of one ({@code depth} indents its name). */
    static List<Map<String, String>> flatten(Map<String, Object> node, int depth, List<Map<String, String>> into) {
        into.add(Map.of("id", (String) node.get("id"), "label", "\u00A0\u00A0".repeat(depth) + node.get("name")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> children = (List<Map<String, Object>>) node.get("children");
        children.forEach(child -> flatten(child, depth + 1, into));
        return into;
    }
}
