package io.openbss.console.enterprise;

import io.openbss.common.request.Language;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Grants;
import io.openbss.console.layout.Page;
import io.openbss.console.layout.Pages;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A new sub-account: first a verification code sent to its mobile phone (SendSmsVerificationCode), then the
 * creation form with that code (CreateSubEnterpriseAccount) under a unit of the organization tree.
 */
@Path("/enterprise/sub-accounts/new")
public class NewSubAccountResource {

    @Inject
    PublicApi api;

    @Inject
    CurrentSession current;

    @Location("new-sub-account.html")
    Template form;

    /** What the creation form was given, shown again after a refusal (never the password). */
    @TemplateData
    public record Entered(String partyId, String displayName, String customerName, String mobilePhone,
            String verificationCode, boolean usePrimaryPhone, boolean financialCustody) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("done") String done, @QueryParam("mobile_phone") String mobilePhone,
            @QueryParam("customer_name") String customerName) {
        Session session = current.get();
        Page page = Pages.of(session, "/enterprise", "ent_new_sub_account");
        if (EnterpriseTabs.closedTo(session)) {
            page = page.withError(Texts.get(session.language(), "ent_masters_only"));
            return render(session, page, 403, new Entered("", "", "", "", "", false, false));
        }
        if ("code_sent".equals(done)) {
            page = page.withNotice(Texts.get(session.language(), "ent_done_code_sent"));
        }
        return render(session, page, 200, new Entered("", "", customerName == null ? "" : customerName,
                mobilePhone == null ? "" : mobilePhone, "", false, false));
    }

    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendCode(@RestForm("mobile_phone") String mobilePhone,
            @RestForm("customer_name") String customerName) {
        Session session = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mobile_phone", mobilePhone);
        body.put("language", session.language() == Language.EN_US ? "en-us" : "zh-cn");
        if (customerName != null && !customerName.isBlank()) {
            body.put("sm_template_args", List.of(Map.of("key", "sub_customer_name", "value", customerName)));
        }
        ApiAnswer answer = api.call(session, "SendSmsVerificationCode", Map.of(), body);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/enterprise/sub-accounts/new?done=code_sent&mobile_phone="
                    + PublicApi.encode(mobilePhone) + "&customer_name=" + PublicApi.encode(customerName == null ? ""
                    : customerName))).build();
        }
        return render(session, Pages.of(session, "/enterprise", "ent_new_sub_account").withError(answer.error()),
                answer.status(), new Entered("", "", customerName, mobilePhone, "", false, false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm("party_id") String partyId, @RestForm("display_name") String displayName,
            @RestForm("customer_name") String customerName, @RestForm String password,
            @RestForm("mobile_phone") String mobilePhone, @RestForm("verification_code") String verificationCode,
            @RestForm("use_pri_mobile_phone") String usePrimaryPhone,
            @RestForm("financial_custody") String financialCustody) {
        Session session = current.get();
        boolean primary = "Y".equals(usePrimaryPhone);
        boolean custody = "1".equals(financialCustody);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("customer_name", customerName);
        customer.put("password", password);
        customer.put("use_pri_mobile_phone", primary ? "Y" : "N");
        if (!primary) {
            customer.put("mobile_phone", mobilePhone);
            customer.put("verification_code", verificationCode);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("party_id", partyId);
        if (displayName != null && !displayName.isBlank()) {
            body.put("display_name", displayName);
        }
        body.put("sub_customer_association_type", 1);
        body.put("financial_custody", custody ? 1 : 0);
        body.put("new_sub_customer", customer);
        ApiAnswer answer = api.call(session, "CreateSubEnterpriseAccount", Map.of(), body);
        if (answer.ok()) {
            String created = answer.get("domain_id").asText("");
            return Response.seeOther(URI.create(created.isEmpty() ? "/enterprise/sub-accounts?done=created"
                    : "/enterprise/sub-accounts/" + PublicApi.encode(created) + "?done=created")).build();
        }
        return render(session, Pages.of(session, "/enterprise", "ent_new_sub_account").withError(answer.error()),
                answer.status(), new Entered(partyId, displayName, customerName, mobilePhone, verificationCode,
                        primary, custody));
    }

    private Response render(Session session, Page page, int status, Entered entered) {
        List<Map<String, String>> units = new ArrayList<>();
        if (Grants.may(session, "ListEnterpriseOrganizations")) {
            ApiAnswer answer = api.call(session, "ListEnterpriseOrganizations", Map.of("recursive_query", "1"));
            if (answer.ok()) {
                EnterpriseResource.flatten(EnterpriseResource.node(answer.get("root_id").asText(),
                        answer.get("root_name").asText(), answer.get("child_nodes")), 0, units);
            } else if (page.error() == null) {
                page = page.withError(answer.error());
            }
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("units", units.stream().map(unit -> Map.of("id", unit.get("id"), "label", unit.get("label"),
                "selected", unit.get("id").equals(entered.partyId()))).toList());
        f.put("entered", entered);
        f.put("canSend", Grants.may(session, "SendSmsVerificationCode"));
        f.put("canCreate", Grants.may(session, "CreateSubEnterpriseAccount"));
        return Response.status(status).type(MediaType.TEXT_HTML).entity(form.data("page", page)
                .data("tabs", EnterpriseTabs.of(session, "/enterprise/sub-accounts/new")).data("f", f)).build();
    }
}
