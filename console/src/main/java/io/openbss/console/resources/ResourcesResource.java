package io.openbss.console.resources;

import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Formats;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Yearly/monthly resources: the list, one resource's details, renewing it (its price asked first), automatic
 * renewal on and off, pay-per-use at expiry, and unsubscribing it with the refund orders shown after.
 */
@Path("/resources")
public class ResourcesResource {

    @Produces
    static final TablePage RESOURCES = new TablePage("resources", "ListPayPerUseCustomerResources", "data", List.of(
            Column.link("resource_id", "/resources/{value}"), Column.text("resource_name"),
            Column.text("service_type_name"), Column.text("resource_type_name"), Column.text("region_code"),
            Column.code("status", "resource_status"), Column.code("expire_policy", "expire_policy"),
            Column.time("effective_time"), Column.time("expire_time")),
            List.of(Filter.text("resource_id"), Filter.text("order_id"),
                    Filter.choice("status", "resource_status", "2", "3", "4", "5"),
                    Filter.choice("only_main_resource", "only_main_resource", "1", "0"),
                    Filter.text("service_type_code"), Filter.date("expire_time_begin", zone -> ""),
                    Filter.date("expire_time_end", zone -> "")),
            ResourceQuery.SHAPE);

    @Inject
    PublicApi api;

    @Inject
    TableReader tables;

    @Inject
    CurrentSession current;

    @Location("list.html")
    Template list;

    @Inject
    ResourcePage resourcePage;

    @Location("refunds.html")
    Template refunds;

    @GET
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance resources(@Context UriInfo uri) {
        Session session = current.get();
        return list.data("page", Pages.of(session, "/resources", "nav_resources")).data("tabs", List.of())
                .data("view", tables.read(session, RESOURCES, TableExportResource.single(uri), "/resources"));
    }

    @GET
    @Path("{resource_id}")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public Response details(@PathParam("resource_id") String resourceId, @QueryParam("done") String done) {
        Session session = current.get();
        Page page = Pages.of(session, "/resources", "resource_details");
        page = page.withDone(done);
        return resourcePage.render(session, page, resourceId, null, 200);
    }

    @POST
    @Path("{resource_id}/auto-renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response autoRenew(@PathParam("resource_id") String resourceId,
            @RestForm("auto_renew_times") String times) {
        Session session = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        if (times != null && !times.isBlank()) {
            if (!times.strip().matches("\\d{1,2}")) {
                return resourcePage.render(session, Pages.of(session, "/resources", "resource_details").withError(
                        Texts.get(session.language(), "bad_filter") + " auto_renew_times"), resourceId, null, 400);
            }
            body.put("auto_renew_times", Integer.parseInt(times.strip()));
        }
        return resourcePage.after(session, resourceId, api.call(session, "AutoRenewalResources",
                Map.of("resource_id", resourceId), body), "auto_renew_on");
    }

    @POST
    @Path("{resource_id}/auto-renew/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelAutoRenew(@PathParam("resource_id") String resourceId) {
        Session session = current.get();
        return resourcePage.after(session, resourceId, api.call(session, "CancelAutoRenewalResources",
                Map.of("resource_id", resourceId)), "auto_renew_off");
    }

    /** UpdatePeriodToOnDemand: {@code SET_UP} turns the resource to pay-per-use at expiry, {@code CANCEL} undoes it. */
    @POST
    @Path("{resource_id}/to-on-demand")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response toOnDemand(@PathParam("resource_id") String resourceId, @RestForm String operation) {
        Session session = current.get();
        if (!"SET_UP".equals(operation) && !"CANCEL".equals(operation)) {
            return resourcePage.render(session, Pages.of(session, "/resources", "resource_details").withError(
                    Texts.get(session.language(), "bad_filter") + " operation"), resourceId, null, 400);
        }
        return resourcePage.after(session, resourceId, api.call(session, "UpdatePeriodToOnDemand", Map.of(), Map.of(
                "operation", operation, "resource_ids", List.of(resourceId))),
                "SET_UP".equals(operation) ? "to_on_demand" : "to_on_demand_cancelled");
    }

    /**
     * CancelResourcesSubscription (type 1: the resource with its renewals). The API offers no refund preview, so
     * the refund orders it answers are shown after, by ShowRefundOrderDetails.
     */
    @POST
    @Path("{resource_id}/unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@PathParam("resource_id") String resourceId,
            @RestForm("unsubscribe_reason_type") String reasonType,
            @RestForm("unsubscribe_reason") String reason) {
        Session session = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource_ids", List.of(resourceId));
        body.put("unsubscribe_type", 1);
        if (reasonType != null && !reasonType.isBlank()) {
            if (!reasonType.matches("[1-5]")) {
                return resourcePage.render(session, Pages.of(session, "/resources", "resource_details").withError(
                        Texts.get(session.language(), "bad_filter") + " unsubscribe_reason_type"), resourceId, null,
                        400);
            }
            body.put("unsubscribe_reason_type", Integer.parseInt(reasonType));
        }
        if (reason != null && !reason.isBlank()) {
            body.put("unsubscribe_reason", reason.strip());
        }
        ApiAnswer answer = api.call(session, "CancelResourcesSubscription", Map.of(), body);
        String failed = answer.ok() ? ResourcePage.failures(answer) : answer.error();
        if (failed != null) {
            return resourcePage.render(session, Pages.of(session, "/resources", "resource_details").withError(failed),
                    resourceId, null, answer.ok() ? 200 : answer.status());
        }
        StringJoiner query = new StringJoiner("&", "?", "&done=unsubscribed");
        answer.get("order_ids").forEach(id -> query.add("order_id=" + PublicApi.encode(id.asText())));
        return Response.seeOther(URI.create("/resources/refunds" + query)).build();
    }

    /** The refund orders of an unsubscription: what each gave back (ShowRefundOrderDetails). */
    @GET
    @Path("refunds")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance refunds(@QueryParam("order_id") List<String> orderIds, @QueryParam("done") String done) {
        Session session = current.get();
        Page page = Pages.of(session, "/resources", "refund_details");
        page = page.withDone(done);
        Formats formats = new Formats(session);
        List<Map<String, Object>> orders = new ArrayList<>();
        for (String orderId : orderIds) {
            ApiAnswer answer = api.call(session, "ShowRefundOrderDetails", Map.of("order_id", orderId));
            List<Map<String, String>> lines = new ArrayList<>();
            answer.get("refund_infos").forEach(line -> lines.add(Map.of(
                    "service", line.path("service_type_name").asText(line.path("service_type_code").asText()),
                    "resourceType", line.path("resource_type_code").asText(""),
                    "region", line.path("region_code").asText(""),
                    "baseOrder", line.path("base_order_id").asText(""),
                    "amount", formats.money(line.path("amount"), "CNY"))));
            orders.add(Map.of("id", orderId, "lines", lines, "error", answer.ok() ? "" : answer.error()));
        }
        return refunds.data("page", page).data("orders", orders);
    }
}
