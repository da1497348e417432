package io.openbss.console.enterprise;

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
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One sub-account: what may move between it and its master, and the forms that move funds and coupons. Each form
 * carries a trans_id made when it was shown, and the notice after a transfer names it.
 */
@Path("/enterprise/sub-accounts/{sub_customer_id}")
public class SubAccountResource {

    static final List<String> BALANCE_TYPES = List.of("BALANCE_TYPE_DEBIT", "BALANCE_TYPE_CREDIT");
    /** The API's answer to a trans_id whose transfer is still being finished: send it again, same trans_id. */
    static final String IN_PROGRESS = "CBC.99007461";
    private static final List<String> FORMS = List.of("allocate", "reclaim", "coupon_allocate", "coupon_reclaim");

    @Inject
    PublicApi api;

    @Inject
    CurrentSession current;

    @Location("sub-account.html")
    Template subAccount;

    /** A form's values shown again after the API did not finish it, with the trans_id to repeat. */
    record Kept(String form, String transId, String amount) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("sub_customer_id") String subId, @QueryParam("done") String done,
            @QueryParam("trans_id") String transId) {
        Session session = current.get();
        Page page = Pages.of(session, "/enterprise", "ent_sub_account");
        if (EnterpriseTabs.closedTo(session)) {
            return Response.status(403).type(MediaType.TEXT_HTML).entity(subAccount.data("page",
                    page.withError(Texts.get(session.language(), "ent_masters_only"))).data("tabs", List.of())
                    .data("s", Map.of("id", subId, "amounts", List.of(), "canAllocate", false, "canReclaim", false,
                            "canAllocateCoupon", false, "canReclaimCoupon", false))).build();
        }
        if (done != null && FORMS.contains(done)) {
            page = page.withNotice(Texts.get(session.language(), "ent_done_" + done)
                    + (TransIds.ours(transId) ? " " + Texts.get(session.language(), "ent_trans_id") + " " + transId
                            : ""));
        } else if ("created".equals(done)) {
            page = page.withNotice(Texts.get(session.language(), "ent_done_created"));
        }
        return render(session, page, subId, 200, null);
    }

    @POST
    @Path("allocate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response allocate(@PathParam("sub_customer_id") String subId, @RestForm String amount,
            @RestForm("balance_type") String balanceType, @RestForm("trans_id") String transId) {
        return funds("allocate", "UpdateSubEnterpriseAmount", subId, amount, balanceType, transId);
    }

    @POST
    @Path("reclaim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reclaim(@PathParam("sub_customer_id") String subId, @RestForm String amount,
            @RestForm("balance_type") String balanceType, @RestForm("trans_id") String transId) {
        return funds("reclaim", "ReclaimSubEnterpriseAmount", subId, amount, balanceType, transId);
    }

    @POST
    @Path("coupon-allocate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response allocateCoupon(@PathParam("sub_customer_id") String subId, @RestForm("coupon_id") String couponId,
            @RestForm String amount, @RestForm("trans_id") String transId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_id", subId);
        body.put("coupon_id", couponId);
        body.put("amount", amount);
        body.put("trans_id", transId);
        return after(current.get(), subId, "coupon_allocate", "ClaimEnterpriseMultiAccountCoupon", body, amount);
    }

    @POST
    @Path("coupon-reclaim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reclaimCoupon(@PathParam("sub_customer_id") String subId, @RestForm String coupon,
            @RestForm("trans_id") String transId) {
        Session session = current.get();
        String[] ids = coupon == null ? new String[0] : coupon.split("\\|", -1);
        if (ids.length != 2 || ids[0].isBlank() || ids[1].isBlank()) {
            return render(session, Pages.of(session, "/enterprise", "ent_sub_account")
                    .withBadParameter("coupon"), subId, 400, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_id", subId);
        body.put("coupon_id", ids[0]);
        body.put("sub_coupon_id", ids[1]);
        body.put("trans_id", transId);
        return after(session, subId, "coupon_reclaim", "ReclaimEnterpriseMultiAccountCoupon", body, null);
    }

    private Response funds(String form, String operation, String subId, String amount, String balanceType,
            String transId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer_id", subId);
        body.put("amount", amount);
        body.put("balance_type", balanceType);
        body.put("trans_id", transId);
        return after(current.get(), subId, form, operation, body, amount);
    }

    private Response after(Session session, String subId, String form, String operation, Map<String, Object> body,
            String amount) {
        String transId = (String) body.get("trans_id");
        if (!TransIds.ours(transId)) {
            return render(session, Pages.of(session, "/enterprise", "ent_sub_account")
                    .withBadParameter("trans_id"), subId, 400, null);
        }
        ApiAnswer answer = api.call(session, operation, Map.of(), body);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/enterprise/sub-accounts/" + PublicApi.encode(subId) + "?done="
                    + form + "&trans_id=" + transId)).build();
        }
        // a transfer the API may still finish keeps its trans_id, so sending the form again asks for its outcome
        boolean unfinished = answer.status() >= 500 || IN_PROGRESS.equals(answer.get("error_code").asText());
        return render(session, Pages.of(session, "/enterprise", "ent_sub_account").withError(answer.error()), subId,
                answer.status(), unfinished ? new Kept(form, transId, amount) : null);
    }

    private Response render(Session session, Page page, String subId, int status, Kept kept) {
        Map<String, String> texts = Texts.of(session.language());
        Formats formats = new Formats(session);
        List<String> errors = new ArrayList<>();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", subId);
        if (Grants.may(session, "ListEnterpriseSubCustomers")) {
            ApiAnswer list = api.call(session, "ListEnterpriseSubCustomers", Map.of("limit", "100"));
            list.get("sub_customer_infos").forEach(info -> {
                if (info.path("id").asText().equals(subId)) {
                    s.put("name", info.path("name").asText());
                    s.put("displayName", info.path("display_name").asText());
                    s.put("org", info.path("org_name").asText());
                    s.put("status", texts.getOrDefault("code_sub_customer_status_" + info.path("status").asText(),
                            info.path("status").asText()));
                }
            });
        }
        List<Map<String, String>> amounts = new ArrayList<>();
        for (String type : BALANCE_TYPES) {
            String shortType = type.equals("BALANCE_TYPE_DEBIT") ? "debit" : "credit";
            if (Grants.may(session, "ShowMultiAccountTransferAmount")) {
                ApiAnswer answer = api.call(session, "ShowMultiAccountTransferAmount", Map.of("balance_type", type,
                        "limit", "100"));
                amounts(answer, "avail_transfer_amount", "allocatable-" + shortType, texts.get("ent_allocatable")
                        + " · " + texts.get("code_balance_type_" + type), formats, amounts, errors);
            }
            if (Grants.may(session, "ListEnterpriseMultiAccount")) {
                ApiAnswer answer = api.call(session, "ListEnterpriseMultiAccount", Map.of("sub_customer_id", subId,
                        "balance_type", type, "limit", "100"));
                amounts(answer, "avail_retrieve_amount", "reclaimable-" + shortType, texts.get("ent_reclaimable")
                        + " · " + texts.get("code_balance_type_" + type), formats, amounts, errors);
            }
        }
        s.put("amounts", amounts);
        s.put("balanceTypes", BALANCE_TYPES.stream().map(type -> Map.of("value", type, "label",
                texts.get("code_balance_type_" + type))).toList());
        s.put("canAllocate", Grants.may(session, "UpdateSubEnterpriseAmount"));
        s.put("canReclaim", Grants.may(session, "ReclaimSubEnterpriseAmount"));
        s.put("canAllocateCoupon", Grants.may(session, "ClaimEnterpriseMultiAccountCoupon")
                && Grants.may(session, "ListMultiAccountTransferCoupons"));
        s.put("canReclaimCoupon", Grants.may(session, "ReclaimEnterpriseMultiAccountCoupon")
                && Grants.may(session, "ListMultiAccountRetrieveCoupons"));
        if (Boolean.TRUE.equals(s.get("canAllocateCoupon"))) {
            ApiAnswer answer = api.call(session, "ListMultiAccountTransferCoupons", Map.of("limit", "100"));
            s.put("transferCoupons", coupons(answer, formats, false, errors));
        }
        if (Boolean.TRUE.equals(s.get("canReclaimCoupon"))) {
            ApiAnswer answer = api.call(session, "ListMultiAccountRetrieveCoupons", Map.of("sub_customer_id", subId,
                    "limit", "100"));
            s.put("retrieveCoupons", coupons(answer, formats, true, errors));
        }
        Map<String, Map<String, String>> forms = new HashMap<>();
        for (String form : FORMS) {
            boolean keep = kept != null && kept.form().equals(form);
            forms.put(form, Map.of("transId", keep ? kept.transId() : TransIds.fresh(),
                    "amount", keep && kept.amount() != null ? kept.amount() : ""));
        }
        s.put("forms", forms);
        Page shown = errors.isEmpty() || page.error() != null ? page : page.withError(String.join("; ", errors));
        return Response.status(status).type(MediaType.TEXT_HTML).entity(subAccount.data("page", shown)
                .data("tabs", EnterpriseTabs.of(session, "/enterprise/sub-accounts")).data("s", s)).build();
    }

    private static void amounts(ApiAnswer answer, String field, String id, String label, Formats formats,
            List<Map<String, String>> into, List<String> errors) {
        if (!answer.ok()) {
            errors.add(answer.error());
            return;
        }
        int i = 0;
        for (JsonNode info : answer.get("amount_infos")) {
            into.add(Map.of("id", i == 0 ? id : id + "-" + i, "label", label,
                    "value", formats.money(info.path(field), info.path("currency").asText("CNY"))));
            i++;
        }
    }

    private static List<Map<String, String>> coupons(ApiAnswer answer, Formats formats, boolean retrieve,
            List<String> errors) {
        List<Map<String, String>> coupons = new ArrayList<>();
        if (!answer.ok()) {
            errors.add(answer.error());
            return coupons;
        }
        answer.get(retrieve ? "avail_retrieve_coupons" : "avail_transfer_coupons").forEach(coupon -> coupons.add(
                Map.of("value", coupon.path("coupon_id").asText() + (retrieve ? "|"
                        + coupon.path("sub_coupon_id").asText() : ""),
                        "label", coupon.path("plan_name").asText(coupon.path("coupon_id").asText()) + " · "
                                + formats.money(new BigDecimal(coupon.path("balance").asText("0")), "CNY") + " · "
                                + formats.time(coupon.path("expire_time").asText()))));
        return coupons;
    }
}
