package io.openbss.console.orders;

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
import org.jboss.resteasy.reactive.RestForm;

/** Orders: the list, one order's details and lines, paying it (discount and coupons chosen) and cancelling it. */
@Path("/orders")
public class OrdersResource {

    @Produces
    static final TablePage ORDERS = TablePage.query("orders", "ListCustomerOrders", "order_infos", List.of(
            Column.link("order_id", "/orders/{value}"), Column.code("order_type", "order_type"), Column.code("status", "order_status"),
            Column.text("service_type_name"), Column.money("official_amount"),
            Column.money("amount_after_discount"), Column.time("create_time"), Column.time("payment_time")),
            List.of(Filter.text("order_id"), Filter.choice("status", "order_status", "1", "3", "4", "5", "6", "9"),
                    Filter.choice("order_type", "order_type", "1", "2", "3", "4", "10", "11", "13", "14", "15"),
                    Filter.text("service_type_code"), Filter.date("create_time_begin", zone -> ""),
                    Filter.date("create_time_end", zone -> "")));

    @Inject
    PublicApi api;

    @Inject
    TableReader tables;

    @Inject
    CurrentSession current;

    @Location("list.html")
    Template list;

    @Location("order.html")
    Template order;

    @GET
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance orders(@Context UriInfo uri) {
        Session session = current.get();
        return list.data("page", Pages.of(session, "/orders", "nav_orders")).data("tabs", List.of())
                .data("view", tables.read(session, ORDERS, TableExportResource.single(uri), "/orders"));
    }

    @GET
    @Path("{order_id}")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public Response details(@PathParam("order_id") String orderId, @QueryParam("done") String done) {
        Session session = current.get();
        Page page = Pages.of(session, "/orders", "order_details");
        page = page.withDone(done);
        return render(session, page, orderId, 200);
    }

    @POST
    @Path("{order_id}/pay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pay(@PathParam("order_id") String orderId, @RestForm String discount,
            @RestForm List<String> coupon) {
        Session session = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_id", orderId);
        List<Map<String, Object>> discounts = choices(discount == null || discount.isBlank() ? List.of()
                : List.of(discount));
        List<Map<String, Object>> coupons = choices(coupon == null ? List.of() : coupon);
        if (discounts == null || coupons == null) {
            return render(session, Pages.of(session, "/orders", "order_details")
                    .withBadParameter("coupon"), orderId, 400);
        }
        body.put("use_discount", discounts.isEmpty() ? "NO" : "YES");
        body.put("use_coupon", coupons.isEmpty() ? "NO" : "YES");
        if (!discounts.isEmpty()) {
            body.put("discount_infos", discounts);
        }
        if (!coupons.isEmpty()) {
            body.put("coupon_infos", coupons);
        }
        return after(session, orderId, api.call(session, "PayOrders", Map.of(), body), "paid");
    }

    @POST
    @Path("{order_id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("order_id") String orderId) {
        Session session = current.get();
        return after(session, orderId, api.call(session, "CancelCustomerOrder", Map.of(),
                Map.of("order_id", orderId)), "cancelled");
    }

    private Response after(Session session, String orderId, ApiAnswer answer, String done) {
        if (answer.ok()) {
            return Response.seeOther(URI.create("/orders/" + PublicApi.encode(orderId) + "?done=" + done)).build();
        }
        return render(session, Pages.of(session, "/orders", "order_details").withError(answer.error()), orderId,
                answer.status());
    }

    /** Form values {@code id|type} as the API's {@code {id, type}}; null when one is not of that shape. */
    private static List<Map<String, Object>> choices(List<String> values) {
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (String value : values) {
            String[] parts = value.split("\\|", -1);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].matches("\\d{1,4}")) {
                return null;
            }
            chosen.add(Map.of("id", parts[0], "type", Integer.parseInt(parts[1])));
        }
        return chosen;
    }

    private Response render(Session session, Page page, String orderId, int status) {
        ApiAnswer details = api.call(session, "ShowCustomerOrderDetails", Map.of("order_id", orderId));
        TemplateInstance view = order.data("page", details.ok() ? page : page.withError(details.error()));
        Formats formats = new Formats(session);
        Map<String, Object> o = new LinkedHashMap<>();
        if (details.ok()) {
            JsonNode info = details.get("order_info");
            String currency = info.path("currency").asText("CNY");
            Map<String, String> texts = Texts.of(session.language());
            o.put("id", info.path("order_id").asText());
            o.put("status", texts.getOrDefault("code_order_status_" + info.path("status").asText(),
                    info.path("status").asText()));
            o.put("type", texts.getOrDefault("code_order_type_" + info.path("order_type").asText(),
                    info.path("order_type").asText()));
            o.put("service", info.path("service_type_name").asText());
            o.put("official", formats.money(info.path("official_amount"), currency));
            o.put("amount", formats.money(info.path("amount_after_discount"), currency));
            o.put("created", formats.time(info.path("create_time").asText()));
            o.put("paid", formats.time(info.path("payment_time").asText()));
            List<Map<String, String>> lines = new ArrayList<>();
            details.get("order_line_items").forEach(line -> lines.add(Map.of(
                    "id", line.path("order_line_item_id").asText(),
                    "resource", line.path("cloud_service_type_code").asText(line.path("service_type_code")
                            .asText()),
                    "spec", line.path("product_spec_desc").asText(""),
                    "period", line.path("period_num").asText("") + " " + texts.getOrDefault(
                            "code_period_type_" + line.path("period_type").asText(), ""),
                    "amount", formats.money(line.path("amount_after_discount"), currency))));
            o.put("lines", lines);
            boolean pending = info.path("status").asInt() == 6;
            o.put("canPay", pending && Grants.may(session, "PayOrders"));
            o.put("canCancel", pending && Grants.may(session, "CancelCustomerOrder"));
            if (Boolean.TRUE.equals(o.get("canPay"))) {
                o.put("discounts", discounts(session, orderId, formats, currency));
                o.put("coupons", coupons(session, orderId, formats));
            }
        }
        // an order the API will not show (another customer's, none such) is the API's answer, status included
        return Response.status(details.ok() ? status : details.status()).entity(view.data("o", o))
                .type(MediaType.TEXT_HTML).build();
    }

    private List<Map<String, String>> discounts(Session session, String orderId, Formats formats, String currency) {
        List<Map<String, String>> discounts = new ArrayList<>();
        if (!Grants.may(session, "ListOrderDiscounts")) {
            return discounts;
        }
        ApiAnswer answer = api.call(session, "ListOrderDiscounts", Map.of("order_id", orderId));
        answer.get("discounts").forEach(discount -> discounts.add(Map.of(
                "value", discount.path("discount_id").asText() + "|" + discount.path("discount_type").asText(),
                "label", Texts.of(session.language()).getOrDefault("code_discount_type_"
                        + discount.path("discount_type").asText(), discount.path("discount_type").asText())
                        + " · " + formats.money(discount.path("discount_value"), currency))));
        return discounts;
    }

    private List<Map<String, String>> coupons(Session session, String orderId, Formats formats) {
        List<Map<String, String>> coupons = new ArrayList<>();
        if (!Grants.may(session, "ListOrderCouponsByOrderId")) {
            return coupons;
        }
        ApiAnswer answer = api.call(session, "ListOrderCouponsByOrderId", Map.of("order_id", orderId));
        answer.get("user_coupons").forEach(coupon -> coupons.add(Map.of(
                "value", coupon.path("coupon_id").asText() + "|" + coupon.path("coupon_type").asText(),
                "label", coupon.path("plan_name").asText(coupon.path("coupon_id").asText()) + " · "
                        + formats.money(coupon.path("balance"), "CNY") + " · "
                        + formats.time(coupon.path("expire_time").asText()))));
        return coupons;
    }
}
