package io.openbss.console.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.AdminApi;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Page;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One account: its users with their policies, access keys (new, disabled, enabled, rotated), tokens (revoked), its
 * funds at billing (registered, recharged). A new secret key is shown once, in the answer's notice, never stored.
 */
@Path("/operator/accounts/{domain_id}")
public class AccountResource {

    private static final String BILLING = "/admin/v1/services/billing/v1";

    @Inject
    AdminApi admin;

    @Inject
    CurrentSession current;

    @Location("operator/account.html")
    Template account;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response details(@PathParam("domain_id") String domainId, @QueryParam("done") String done) {
        Session session = current.get();
        return render(session, OperatorPages.of(session, "/operator/accounts", "op_account", done), domainId, 200);
    }

    @POST
    @Path("access-keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newKey(@PathParam("domain_id") String domainId, @RestForm("user_id") String userId,
            @RestForm String description) {
        Session session = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        if (userId != null && !userId.isBlank()) {
            body.put("user_id", userId.strip());
        }
        if (description != null && !description.isBlank()) {
            body.put("description", description.strip());
        }
        return withSecret(session, domainId, admin.call(session, "POST",
                "/admin/v1/domains/" + PublicApi.encode(domainId) + "/access-keys", Map.of(), body), "op_key_created");
    }

    @POST
    @Path("access-keys/{access_key}/rotation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("domain_id") String domainId, @PathParam("access_key") String accessKey) {
        Session session = current.get();
        return withSecret(session, domainId, admin.call(session, "POST",
                "/admin/v1/access-keys/" + PublicApi.encode(accessKey) + "/rotation", Map.of(), Map.of()),
                "op_key_rotated");
    }

    @POST
    @Path("access-keys/{access_key}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response keyStatus(@PathParam("domain_id") String domainId, @PathParam("access_key") String accessKey,
            @RestForm String status) {
        Session session = current.get();
        if (!"active".equals(status) && !"inactive".equals(status)) {
            return refused(session, domainId, 400, OperatorPages.text(session, "bad_filter") + " status");
        }
        return after(session, domainId, admin.call(session, "PUT",
                "/admin/v1/access-keys/" + PublicApi.encode(accessKey), Map.of(), Map.of("status", status)),
                "active".equals(status) ? "key_enabled" : "key_disabled");
    }

    @POST
    @Path("tokens/{token_id}/revocation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("domain_id") String domainId, @PathParam("token_id") String tokenId) {
        Session session = current.get();
        return after(session, domainId, admin.call(session, "DELETE",
                "/admin/v1/tokens/" + PublicApi.encode(tokenId), Map.of(), null), "token_revoked");
    }

    @POST
    @Path("billing-registration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("domain_id") String domainId, @RestForm("customer_name") String name,
            @RestForm("credit_limit") String creditLimit) {
        Session session = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_name", name == null ? "" : name.strip());
        if (creditLimit != null && !creditLimit.isBlank()) {
            BigDecimal limit = decimal(creditLimit);
            if (limit == null) {
                return refused(session, domainId, 400, OperatorPages.text(session, "bad_filter") + " credit_limit");
            }
            body.put("credit_limit", limit);
        }
        return after(session, domainId, admin.call(session, "PUT",
                BILLING + "/customers/" + PublicApi.encode(domainId), Map.of(), body), "registered");
    }

    /**
     * A recharge of the account's cash. The form carries an idempotency key made when it was shown, so sending the
     * same form twice (a reload, a double click) recharges once; the notice shows the balance the ledger answered.
     */
    @POST
    @Path("recharges")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recharge(@PathParam("domain_id") String domainId, @RestForm String amount,
            @RestForm("idempotency_key") String key, @RestForm String remark) {
        Session session = current.get();
        BigDecimal value = decimal(amount);
        if (value == null) {
            return refused(session, domainId, 400, OperatorPages.text(session, "bad_filter") + " amount");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotency_key", key == null ? "" : key.strip());
        body.put("customer_id", domainId);
        body.put("amount", value);
        if (remark != null && !remark.isBlank()) {
            body.put("remark", remark.strip());
        }
        ApiAnswer answer = admin.call(session, "POST", BILLING + "/ledger/recharges", Map.of(), body);
        if (!answer.ok()) {
            return refused(session, domainId, answer.status(), OperatorPages.error(answer));
        }
        Formats formats = new Formats(session);
        String balance = "";
        for (JsonNode line : answer.get("lines")) {
            if ("CASH".equals(line.path("account_type").asText())) {
                balance = formats.money(line.path("balance_after"), "CNY");
            }
        }
        String notice = OperatorPages.text(session, answer.get("replayed").asBoolean()
                ? "op_recharge_replayed" : "op_recharged").formatted(formats.money(value, "CNY"), balance);
        return render(session, page(session).withNotice(notice), domainId, 200);
    }

    private Response withSecret(Session session, String domainId, ApiAnswer answer, String noticeKey) {
        if (!answer.ok()) {
            return refused(session, domainId, answer.status(), OperatorPages.error(answer));
        }
        String notice = OperatorPages.text(session, noticeKey).formatted(answer.get("access_key").asText(),
                answer.get("secret_key").asText());
        return render(session, page(session).withNotice(notice), domainId, 200);
    }

    private Response after(Session session, String domainId, ApiAnswer answer, String done) {
        if (!answer.ok()) {
            return refused(session, domainId, answer.status(), OperatorPages.error(answer));
        }
        return OperatorPages.seeOther("/operator/accounts/" + PublicApi.encode(domainId), done);
    }

    private Response refused(Session session, String domainId, int status, String error) {
        return render(session, page(session).withError(error), domainId, status);
    }

    private static Page page(Session session) {
        return OperatorPages.of(session, "/operator/accounts", "op_account", null);
    }

    private Response render(Session session, Page page, String domainId, int status) {
        String id = PublicApi.encode(domainId);
        ApiAnswer domain = admin.get(session, "/admin/v1/domains/" + id, Map.of());
        if (!domain.ok()) {
            return OperatorPages.html(domain.status() == 200 ? 502 : domain.status(), account
                    .data("page", page.withError(OperatorPages.error(domain))).data("a", Map.of()));
        }
        Formats formats = new Formats(session);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", domainId);
        a.put("name", domain.get("name").asText());
        a.put("kind", OperatorPages.text(session, "op_code_kind_" + domain.get("kind").asText()));
        a.put("enabled", domain.get("enabled").asBoolean());
        a.put("phone", domain.get("mobile_phone").asText(""));
        a.put("created", formats.time(domain.get("created_at").asText()));
        a.put("users", users(session, id));
        Map<String, String> userNames = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) a.get("users");
        users.forEach(user -> userNames.put((String) user.get("id"), (String) user.get("name")));
        a.put("accessKeys", keys(session, id, formats, userNames));
        a.put("tokens", tokens(session, domainId, formats));
        a.put("funds", funds(session, id, formats));
        ApiAnswer link = admin.get(session, "/admin/v1/domains/" + id + "/upstream-link", Map.of());
        a.put("link", link.ok() ? link.get("endpoint").asText() + " · " + link.get("access_key").asText() + " · "
                + link.get("upstream_domain_id").asText() : "");
        a.put("rechargeKey", "console-" + UUID.randomUUID());
        return noStore(OperatorPages.html(status, account.data("page", page).data("a", a)));
    }

    private List<Map<String, Object>> users(Session session, String id) {
        List<Map<String, Object>> users = new ArrayList<>();
        ApiAnswer answer = admin.get(session, "/admin/v1/domains/" + id + "/users", Map.of());
        for (JsonNode user : answer.get("users")) {
            String userId = user.path("user_id").asText();
            ApiAnswer policies = admin.get(session, "/admin/v1/users/" + PublicApi.encode(userId) + "/policies",
                    Map.of());
            List<String> roles = new ArrayList<>();
            for (JsonNode policy : policies.get("policies")) {
                String types = AdminTable.text(policy.path("cloud_service_types"));
                roles.add(policy.path("role").asText() + (types.isEmpty() ? "" : " (" + types + ")"));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", userId);
            row.put("name", user.path("name").asText());
            row.put("root", user.path("root").asBoolean());
            row.put("enabled", user.path("enabled").asBoolean());
            row.put("policies", policies.ok() ? String.join(", ", roles) : OperatorPages.error(policies));
            users.add(row);
        }
        if (!answer.ok()) {
            users.add(Map.of("error", OperatorPages.error(answer)));
        }
        return users;
    }

    private List<Map<String, Object>> keys(Session session, String id, Formats formats,
            Map<String, String> userNames) {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (JsonNode key : admin.get(session, "/admin/v1/domains/" + id + "/access-keys", Map.of())
                .get("access_keys")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ak", key.path("access_key").asText());
            row.put("user", userNames.getOrDefault(key.path("user_id").asText(), key.path("user_id").asText()));
            row.put("active", "active".equals(key.path("status").asText()));
            row.put("status", key.path("status").asText());
            row.put("description", key.path("description").asText(""));
            row.put("created", formats.time(key.path("created_at").asText()));
            keys.add(row);
        }
        return keys;
    }

    private List<Map<String, Object>> tokens(Session session, String domainId, Formats formats) {
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (JsonNode token : admin.get(session, "/admin/v1/tokens", Map.of("domain_id", domainId))
                .get("tokens")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", token.path("token_id").asText());
            row.put("user", token.path("user_name").asText());
            row.put("method", token.path("method").asText());
            row.put("ak", token.path("access_key").asText(""));
            row.put("issued", formats.time(token.path("issued_at").asText()));
            row.put("expires", formats.time(token.path("expires_at").asText()));
            row.put("revoked", token.path("revoked").asBoolean());
            tokens.add(row);
        }
        return tokens;
    }

    private Map<String, Object> funds(Session session, String id, Formats formats) {
        ApiAnswer answer = admin.get(session, BILLING + "/customers/" + id + "/funds", Map.of());
        Map<String, Object> funds = new LinkedHashMap<>();
        funds.put("registered", answer.ok());
        if (answer.ok()) {
            String currency = answer.get("currency").asText("CNY");
            funds.put("cash", formats.money(answer.get("cash").path("balance"), currency));
            JsonNode credit = answer.get("credit");
            funds.put("credit", credit.isObject() ? formats.money(credit.path("available"), currency) + " / "
                    + formats.money(credit.path("credit_limit"), currency) : "");
        } else {
            funds.put("error", OperatorPages.error(answer));
        }
        return funds;
    }

    /** A decimal amount as typed, or null when it is not one. */
    private static BigDecimal decimal(String text) {
        if (text == null || !text.strip().matches("\\d{1,15}(\\.\\d{1,4})?")) {
            return null;
        }
        return new BigDecimal(text.strip());
    }

    /** Pages that may show a secret key, or a form's idempotency key, are not kept by the browser's cache. */
    private static Response noStore(Response response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        return response;
    }
}
