package io.openbss.console.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Formats;
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

    @Location("resource.html")
    Template resource;

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
        return render(session, page, resourceId, null, 200);
    }

    /** The renewal's price for the chosen period (ListRenewRateOnPeriod), with the form that confirms it. */
    @GET
    @Path("{resource_id}/renew")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public Response quote(@PathParam("resource_id") String resourceId, @QueryParam("period_type") String periodType,
            @QueryParam("period_num") String periodNum) {
        Session session = current.get();
        Page page = Pages.of(session, "/resources", "resource_details");
        Period period;
        try {
            period = Period.of(periodType, periodNum);
        } catch (BadInput bad) {
            return render(session, page.withBadParameter(bad.getMessage()), resourceId, null, 400);
        }
        ApiAnswer rate = api.call(session, "ListRenewRateOnPeriod", Map.of(), Map.of(
                "resource_ids", List.of(resourceId), "period_type", period.type(), "period_num", period.number(),
                "include_relative_resources", true));
        if (!rate.ok()) {
            return render(session, page.withError(rate.error()), resourceId, null, rate.status());
        }
        String failed = failures(rate);
        if (failed != null) {
            return render(session, page.withError(failed), resourceId, null, 200);
        }
        Formats formats = new Formats(session);
        String currency = rate.get("currency").asText("CNY");
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("periodType", Integer.toString(period.type()));
        quote.put("periodNum", Integer.toString(period.number()));
        quote.put("period", period.number() + " " + Texts.get(session.language(), "code_period_type_" + period.type()));
        quote.put("official", formats.money(rate.get("official_website_rating_result")
                .path("official_website_amount"), currency));
        // A renewal renews the resource with the resources attached to it (a server's disks): the price is theirs
        // together, each as the API rated it.
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (JsonNode result : rate.get("renew_inquiry_results")) {
            total = total.add(new java.math.BigDecimal(result.path("amount").asText("0")));
        }
        quote.put("amount", formats.money(total, currency));
        List<Map<String, String>> discounts = new ArrayList<>();
        rate.get("optional_discount_rating_results").forEach(discount -> discounts.add(Map.of(
                "name", discount.path("discount_name").asText(discount.path("discount_id").asText()),
                "amount", formats.money(discount.path("amount"), currency),
                "discount", formats.money(discount.path("discount_amount"), currency))));
        quote.put("discounts", discounts);
        return render(session, page, resourceId, quote, 200);
    }

    /** RenewalResources paid at once from the balance ({@code is_auto_pay} 1). */
    @POST
    @Path("{resource_id}/renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@PathParam("resource_id") String resourceId, @RestForm("period_type") String periodType,
            @RestForm("period_num") String periodNum) {
        Session session = current.get();
        Period period;
        try {
            period = Period.of(periodType, periodNum);
        } catch (BadInput bad) {
            return render(session, Pages.of(session, "/resources", "resource_details").withError(
                    Texts.get(session.language(), "bad_filter") + " " + bad.getMessage()), resourceId, null, 400);
        }
        return after(session, resourceId, api.call(session, "RenewalResources", Map.of(), Map.of(
                "resource_ids", List.of(resourceId), "period_type", period.type(), "period_num", period.number(),
                "is_auto_pay", 1)), "renewed");
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
                return render(session, Pages.of(session, "/resources", "resource_details").withError(
                        Texts.get(session.language(), "bad_filter") + " auto_renew_times"), resourceId, null, 400);
            }
            body.put("auto_renew_times", Integer.parseInt(times.strip()));
        }
        return after(session, resourceId, api.call(session, "AutoRenewalResources",
                Map.of("resource_id", resourceId), body), "auto_renew_on");
    }

    @POST
    @Path("{resource_id}/auto-renew/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancelAutoRenew(@PathParam("resource_id") String resourceId) {
        Session session = current.get();
        return after(session, resourceId, api.call(session, "CancelAutoRenewalResources",
                Map.of("resource_id", resourceId)), "auto_renew_off");
    }

    /** UpdatePeriodToOnDemand: {@code SET_UP} turns the resource to pay-per-use at expiry, {@code CANCEL} undoes it. */
    @POST
    @Path("{resource_id}/to-on-demand")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response toOnDemand(@PathParam("resource_id") String resourceId, @RestForm String operation) {
        Session session = current.get();
        if (!"SET_UP".equals(operation) && !"CANCEL".equals(operation)) {
            return render(session, Pages.of(session, "/resources", "resource_details").withError(
                    Texts.get(session.language(), "bad_filter") + " operation"), resourceId, null, 400);
        }
        return after(session, resourceId, api.call(session, "UpdatePeriodToOnDemand", Map.of(), Map.of(
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
                return render(session, Pages.of(session, "/resources", "resource_details").withError(
                        Texts.get(session.language(), "bad_filter") + " unsubscribe_reason_type"), resourceId, null,
                        400);
            }
            body.put("unsubscribe_reason_type", Integer.parseInt(reasonType));
        }
        if (reason != null && !reason.isBlank()) {
            body.put("unsubscribe_reason", reason.strip());
        }
        ApiAnswer answer = api.call(session, "CancelResourcesSubscription", Map.of(), body);
        String failed = answer.ok() ? failures(answer) : answer.error();
        if (failed != null) {
            return render(session, Pages.of(session, "/resources", "resource_details").withError(failed),
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

    private Response after(Session session, String resourceId, ApiAnswer answer, String done) {
        String failed = answer.ok() ? failures(answer) : answer.error();
        if (failed == null) {
            return Response.seeOther(URI.create("/resources/" + PublicApi.encode(resourceId) + "?done=" + done))
                    .build();
        }
        return render(session, Pages.of(session, "/resources", "resource_details").withError(failed), resourceId,
                null, answer.ok() ? 200 : answer.status());
    }

    /**
     * The resources a 2xx answer names as failed, as one line; null when none failed: {@code fail_resource_infos}
     * (renewals, unsubscriptions) or {@code error_details} (UpdatePeriodToOnDemand).
     */
    private static String failures(ApiAnswer answer) {
        StringJoiner failed = new StringJoiner("; ");
        answer.get("fail_resource_infos").forEach(info -> failed.add((info.path("resource_id").asText() + ": "
                + info.path("error_code").asText() + " " + info.path("error_msg").asText()).strip()));
        answer.get("error_details").forEach(info -> failed.add((info.path("id").asText() + ": "
                + info.path("error_code").asText() + " " + info.path("error_msg").asText()).strip()));
        return failed.length() == 0 ? null : failed.toString();
    }

    private Response render(Session session, Page page, String resourceId, Map<String, Object> quote, int status) {
        ApiAnswer found = api.call(session, "ListPayPerUseCustomerResources", Map.of(), ResourceQuery.one(resourceId));
        JsonNode info = found.get("data").path(0);
        if (found.ok() && info.isMissingNode() && page.error() == null) {
            page = page.withError(Texts.get(session.language(), "no_such_resource") + " " + resourceId);
        }
        TemplateInstance view = resource.data("page", found.ok() || page.error() != null ? page
                : page.withError(found.error()));
        Map<String, Object> r = new LinkedHashMap<>();
        if (found.ok() && !info.isMissingNode()) {
            Formats formats = new Formats(session);
            Map<String, String> texts = Texts.of(session.language());
            r.put("id", info.path("resource_id").asText());
            r.put("name", info.path("resource_name").asText());
            r.put("service", info.path("service_type_name").asText());
            r.put("type", info.path("resource_type_name").asText(info.path("resource_type_code").asText()));
            r.put("spec", info.path("product_spec_desc").asText(info.path("resource_spec_code").asText("")));
            r.put("region", info.path("region_code").asText(""));
            r.put("status", texts.getOrDefault("code_resource_status_" + info.path("status").asText(),
                    info.path("status").asText()));
            r.put("policy", texts.getOrDefault("code_expire_policy_" + info.path("expire_policy").asText(),
                    info.path("expire_policy").asText()));
            r.put("effective", formats.time(info.path("effective_time").asText()));
            r.put("expires", formats.time(info.path("expire_time").asText()));
            r.put("parent", info.path("parent_resource_id").asText(""));
            boolean main = info.path("is_main_resource").asInt() == 1;
            int policy = info.path("expire_policy").asInt(-1);
            r.put("canRenew", main && Grants.may(session, "ListRenewRateOnPeriod")
                    && Grants.may(session, "RenewalResources"));
            r.put("canAutoRenewOn", main && policy != 3 && Grants.may(session, "AutoRenewalResources"));
            r.put("canAutoRenewOff", main && policy == 3 && Grants.may(session, "CancelAutoRenewalResources"));
            r.put("canToOnDemand", main && policy != 1 && Grants.may(session, "UpdatePeriodToOnDemand"));
            r.put("canCancelOnDemand", main && policy == 1 && Grants.may(session, "UpdatePeriodToOnDemand"));
            r.put("canUnsubscribe", main && Grants.may(session, "CancelResourcesSubscription"));
            r.put("periodTypes", List.of(
                    Map.of("value", "2", "label", texts.get("code_period_type_2")),
                    Map.of("value", "3", "label", texts.get("code_period_type_3"))));
        }
        // the renewal form shows the period last asked for, a month by default
        Map<String, Object> shown = new LinkedHashMap<>(quote == null ? Map.of() : quote);
        shown.putIfAbsent("periodType", "2");
        shown.putIfAbsent("periodNum", "1");
        return Response.status(status).entity(view.data("r", r).data("quote", shown)).type(MediaType.TEXT_HTML)
                .build();
    }

    /** A renewal period as the form gives it: 2 (months) or 3 (years) and a whole number; the API checks its range. */
    record Period(int type, int number) {

        static Period of(String type, String number) {
            if (type == null || !type.strip().matches("[23]")) {
                throw new BadInput("period_type");
            }
            if (number == null || !number.strip().matches("\\d{1,2}")) {
                throw new BadInput("period_num");
            }
            return new Period(Integer.parseInt(type.strip()), Integer.parseInt(number.strip()));
        }
    }

    /** A form value the console will not send; its message names the parameter. */
    static class BadInput extends RuntimeException {
        BadInput(String name) {
            super(name, null, false, false);
        }
    }
}
