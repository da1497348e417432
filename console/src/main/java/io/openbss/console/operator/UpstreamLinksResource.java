package io.openbss.console.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.AdminApi;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Page;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.openbss.console.tables.TableView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Upstream links ({@code /admin/v1/upstream-links}, {@code PUT|DELETE /admin/v1/domains/{id}/upstream-link}): the
 * secret key is typed into a password field, sent to the admin API once and never written back to a page.
 */
@Path("/operator/upstream-links")
public class UpstreamLinksResource {

    @Inject
    AdminApi admin;

    @Inject
    CurrentSession current;

    @Location("operator/upstream-links.html")
    Template links;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("done") String done) {
        Session session = current.get();
        return render(session, OperatorPages.of(session, "/operator/upstream-links", "nav_upstream", done), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@RestForm("domain_id") String domainId, @RestForm String endpoint,
            @RestForm("access_key") String accessKey, @RestForm("secret_key") String secretKey,
            @RestForm("upstream_domain_id") String upstreamDomainId) {
        Session session = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        if (endpoint != null && !endpoint.isBlank()) {
            body.put("endpoint", endpoint.strip());
        }
        body.put("access_key", accessKey == null ? "" : accessKey.strip());
        body.put("secret_key", secretKey == null ? "" : secretKey);
        body.put("upstream_domain_id", upstreamDomainId == null ? "" : upstreamDomainId.strip());
        return after(session, admin.call(session, "PUT", "/admin/v1/domains/" + PublicApi.encode(orEmpty(domainId))
                + "/upstream-link", Map.of(), body), "linked");
    }

    @POST
    @Path("{domain_id}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("domain_id") String domainId) {
        Session session = current.get();
        return after(session, admin.call(session, "DELETE", "/admin/v1/domains/" + PublicApi.encode(domainId)
                + "/upstream-link", Map.of(), null), "unlinked");
    }

    private Response after(Session session, ApiAnswer answer, String done) {
        if (answer.ok()) {
            return OperatorPages.seeOther("/operator/upstream-links", done);
        }
        return render(session, OperatorPages.of(session, "/operator/upstream-links", "nav_upstream", null)
                .withError(OperatorPages.error(answer)), answer.status());
    }

    private Response render(Session session, Page page, int status) {
        Formats formats = new Formats(session);
        ApiAnswer domains = admin.get(session, "/admin/v1/domains", Map.of());
        Map<String, String> names = new LinkedHashMap<>();
        List<TableView.Option> accounts = new ArrayList<>();
        for (JsonNode domain : domains.get("domains")) {
            String id = domain.path("domain_id").asText();
            names.put(id, domain.path("name").asText());
            accounts.add(new TableView.Option(id, domain.path("name").asText() + " · " + id, false));
        }
        ApiAnswer answer = admin.get(session, "/admin/v1/upstream-links", Map.of());
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode link : answer.get("links")) {
            String id = link.path("domain_id").asText();
            rows.add(Map.of("id", id, "name", names.getOrDefault(id, ""), "endpoint", link.path("endpoint").asText(),
                    "ak", link.path("access_key").asText(), "upstream", link.path("upstream_domain_id").asText(),
                    "updated", formats.time(link.path("updated_at").asText())));
        }
        if (!answer.ok()) {
            page = page.withError(OperatorPages.error(answer));
        }
        return OperatorPages.html(status, links.data("page", page).data("links", rows).data("accounts", accounts));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
