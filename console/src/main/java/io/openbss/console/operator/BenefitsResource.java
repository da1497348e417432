package io.openbss.console.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.AdminApi;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.BadParameter;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Benefits an operator issues through billing's internal API: coupons, stored-value cards, resource packages and
 * commercial discounts. The admin API lists none of them but a customer's own valid cash coupons (its transferable
 * ones), shown for the chosen account; each issuing form carries a fresh idempotency key, so a resent form issues
 * once.
 */
@Path("/operator/benefits")
public class BenefitsResource {

    private static final String BILLING = "/admin/v1/services/billing/v1";
    static final List<Column> COUPONS = List.of(Column.text("coupon_id"), Column.text("plan_name"),
            Column.money("balance"), Column.time("effective_time"), Column.time("expire_time"));

    @Inject
    AdminApi admin;

    @Inject
    CurrentSession current;

    @Location("operator/benefits.html")
    Template benefits;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("customer_id") String customerId, @QueryParam("done") String done) {
        Session session = current.get();
        return render(session, OperatorPages.of(session, "/operator/benefits", "nav_benefits", done), customerId,
                200);
    }

    /** One issuing form: {@code kind} is coupon, card, package or discount; the fields are the API's names. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(MultivaluedMap<String, String> form) {
        Session session = current.get();
        String customerId = value(form, "customer_id");
        Page page = OperatorPages.of(session, "/operator/benefits", "nav_benefits", null);
        ApiAnswer answer;
        try {
            answer = switch (value(form, "kind")) {
                case "coupon" -> admin.call(session, "POST", BILLING + "/coupons", Map.of(), coupon(form, session));
                case "card" -> admin.call(session, "POST", BILLING + "/stored-value-cards", Map.of(),
                        card(form, session));
                case "package" -> admin.call(session, "POST", BILLING + "/free-resource-packages", Map.of(),
                        resourcePackage(form, session));
                case "discount" -> admin.call(session, "PUT", BILLING + "/customers/" + PublicApi.encode(customerId)
                        + "/discounts/" + PublicApi.encode(value(form, "discount_id")), Map.of(),
                        discount(form, session));
                default -> throw new BadParameter("kind");
            };
        } catch (BadParameter bad) {
            return render(session, page.withBadParameter(bad.getMessage()),
                    customerId, 400);
        }
        if (!answer.ok()) {
            return render(session, page.withError(OperatorPages.error(answer)), customerId, answer.status());
        }
        String issued = answer.get("id").asText(answer.get("package_id").asText(value(form, "discount_id")));
        return render(session, page.withNotice(OperatorPages.text(session, "op_issued").formatted(issued)),
                customerId, 200);
    }

    private static Map<String, Object> coupon(MultivaluedMap<String, String> form, Session session) {
        Map<String, Object> body = keyed(form);
        String type = value(form, "coupon_type");
        if (!List.of("1", "2", "3", "4").contains(type)) {
            throw new BadParameter("coupon_type");
        }
        body.put("coupon_type", Integer.parseInt(type));
        body.put("face_value", decimal(form, "face_value", true));
        if (type.equals("2")) {
            body.put("discount_rate", decimal(form, "discount_rate", true));
        }
        body.put("plan_name", value(form, "plan_name"));
        String services = value(form, "service_type_codes");
        if (!services.isEmpty()) {
            body.put("service_type_codes", Arrays.stream(services.split(",")).map(String::strip)
                    .filter(code -> !code.isEmpty()).toList());
        }
        BigDecimal minimum = decimal(form, "min_order_amount", false);
        if (minimum != null) {
            body.put("min_order_amount", minimum);
        }
        body.put("valid_time", time(form, "valid_time", session));
        body.put("expire_time", time(form, "expire_time", session));
        return body;
    }

    private static Map<String, Object> card(MultivaluedMap<String, String> form, Session session) {
        Map<String, Object> body = keyed(form);
        body.put("card_name", value(form, "card_name"));
        body.put("face_value", decimal(form, "face_value", true));
        body.put("effective_time", time(form, "effective_time", session));
        body.put("expire_time", time(form, "expire_time", session));
        return body;
    }

    private static Map<String, Object> resourcePackage(MultivaluedMap<String, String> form, Session session) {
        Map<String, Object> body = keyed(form);
        for (String name : List.of("product_id", "product_name", "service_type_code", "region_code")) {
            body.put(name, value(form, name));
        }
        body.put("effective_time", time(form, "effective_time", session));
        body.put("expire_time", time(form, "expire_time", session));
        String measure = value(form, "measure_id");
        if (!measure.matches("\\d{1,4}")) {
            throw new BadParameter("measure_id");
        }
        body.put("free_resources", List.of(Map.of("resource_type_code", value(form, "resource_type_code"),
                "usage_type_code", value(form, "usage_type_code"), "amount", decimal(form, "amount", true),
                "measure_id", Integer.parseInt(measure))));
        return body;
    }

    private static Map<String, Object> discount(MultivaluedMap<String, String> form, Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", value(form, "name"));
        String service = value(form, "service_type_code");
        if (!service.isEmpty()) {
            body.put("service_type_code", service);
        }
        String mode = value(form, "charging_mode");
        if (!mode.isEmpty()) {
            if (!List.of("1", "3").contains(mode)) {
                throw new BadParameter("charging_mode");
            }
            body.put("charging_mode", Integer.parseInt(mode));
        }
        body.put("discount_rate", decimal(form, "discount_rate", true));
        body.put("valid_from", time(form, "valid_from", session));
        body.put("valid_to", time(form, "valid_to", session));
        return body;
    }

    /** The form's idempotency key (made when the page was shown) and the customer. */
    private static Map<String, Object> keyed(MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotency_key", value(form, "idempotency_key"));
        body.put("customer_id", value(form, "customer_id"));
        return body;
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static BigDecimal decimal(MultivaluedMap<String, String> form, String name, boolean required) {
        String value = value(form, name);
        if (value.isEmpty() && !required) {
            return null;
        }
        if (!value.matches("\\d{1,15}(\\.\\d{1,8})?")) {
            throw new BadParameter(name);
        }
        return new BigDecimal(value);
    }

    private static String time(MultivaluedMap<String, String> form, String name, Session session) {
        return AuditFilters.utc(name, value(form, name), session.zone());
    }

    private Response render(Session session, Page page, String customerId, int status) {
        ApiAnswer domains = admin.get(session, "/admin/v1/domains", Map.of());
        List<TableView.Option> accounts = new ArrayList<>();
        for (JsonNode domain : domains.get("domains")) {
            String id = domain.path("domain_id").asText();
            accounts.add(new TableView.Option(id, domain.path("name").asText() + " · " + id, id.equals(customerId)));
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("accounts", accounts);
        b.put("customer", customerId == null ? "" : customerId);
        b.put("key", "console-" + UUID.randomUUID());
        if (customerId != null && !customerId.isBlank()) {
            ApiAnswer coupons = admin.get(session, BILLING + "/customers/" + PublicApi.encode(customerId)
                    + "/transferable-coupons", Map.of("limit", "100"));
            b.put("headings", AdminTable.headings(session, COUPONS));
            b.put("coupons", coupons.ok() ? AdminTable.rows(session, coupons.get("coupons"), COUPONS) : List.of());
            b.put("couponsError", coupons.ok() ? "" : OperatorPages.error(coupons));
        }
        if (!domains.ok()) {
            page = page.withError(OperatorPages.error(domains));
        }
        Response response = OperatorPages.html(status, benefits.data("page", page).data("b", b));
        response.getHeaders().putSingle("Cache-Control", "no-store");
        return response;
    }
}
