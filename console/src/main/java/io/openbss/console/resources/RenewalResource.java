package io.openbss.console.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.BadParameter;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Page;
import io.openbss.console.layout.Pages;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Renewing a resource: its price for the chosen period first (ListRenewRateOnPeriod), then the renewal, paid. */
@jakarta.ws.rs.Path("/resources/{resource_id}/renew")
public class RenewalResource {

    @Inject
    PublicApi api;

    @Inject
    CurrentSession current;

    @Inject
    ResourcePage resourcePage;

    /** The renewal's price for the chosen period (ListRenewRateOnPeriod), with the form that confirms it. */
    @GET
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public Response quote(@PathParam("resource_id") String resourceId, @QueryParam("period_type") String periodType,
            @QueryParam("period_num") String periodNum) {
        Session session = current.get();
        Page page = Pages.of(session, "/resources", "resource_details");
        Period period;
        try {
            period = Period.of(periodType, periodNum);
        } catch (BadParameter bad) {
            return resourcePage.render(session, page.withBadParameter(bad.getMessage()), resourceId, null, 400);
        }
        ApiAnswer rate = api.call(session, "ListRenewRateOnPeriod", Map.of(), Map.of(
                "resource_ids", List.of(resourceId), "period_type", period.type(), "period_num", period.number(),
                "include_relative_resources", true));
        if (!rate.ok()) {
            return resourcePage.render(session, page.withError(rate.error()), resourceId, null, rate.status());
        }
        String failed = ResourcePage.failures(rate);
        if (failed != null) {
            return resourcePage.render(session, page.withError(failed), resourceId, null, 200);
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
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode result : rate.get("renew_inquiry_results")) {
            total = total.add(new BigDecimal(result.path("amount").asText("0")));
        }
        quote.put("amount", formats.money(total, currency));
        List<Map<String, String>> discounts = new ArrayList<>();
        rate.get("optional_discount_rating_results").forEach(discount -> discounts.add(Map.of(
                "name", discount.path("discount_name").asText(discount.path("discount_id").asText()),
                "amount", formats.money(discount.path("amount"), currency),
                "discount", formats.money(discount.path("discount_amount"), currency))));
        quote.put("discounts", discounts);
        return resourcePage.render(session, page, resourceId, quote, 200);
    }

    /** RenewalResources paid at once from the balance ({@code is_auto_pay} 1). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@PathParam("resource_id") String resourceId, @RestForm("period_type") String periodType,
            @RestForm("period_num") String periodNum) {
        Session session = current.get();
        Period period;
        try {
            period = Period.of(periodType, periodNum);
        } catch (BadParameter bad) {
            return resourcePage.render(session, Pages.of(session, "/resources", "resource_details").withError(
                    Texts.get(session.language(), "bad_filter") + " " + bad.getMessage()), resourceId, null, 400);
        }
        return resourcePage.after(session, resourceId, api.call(session, "RenewalResources", Map.of(), Map.of(
                "resource_ids", List.of(resourceId), "period_type", period.type(), "period_num", period.number(),
                "is_auto_pay", 1)), "renewed");
    }

    /** A renewal period as the form gives it: 2 (months) or 3 (years) and a whole number; the API checks its range. */
    record Period(int type, int number) {

        static Period of(String type, String number) {
            if (type == null || !type.strip().matches("[23]")) {
                throw new BadParameter("period_type");
            }
            if (number == null || !number.strip().matches("\\d{1,2}")) {
                throw new BadParameter("period_num");
            }
            return new Period(Integer.parseInt(type.strip()), Integer.parseInt(number.strip()));
        }
    }
}
