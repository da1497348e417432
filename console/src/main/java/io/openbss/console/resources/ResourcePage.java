package io.openbss.console.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Grants;
import io.openbss.console.layout.Page;
import io.openbss.console.layout.Pages;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.Session;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One resource's page, as every action on it ends: its details from the API, the actions the session may take, the
 * renewal price when one was asked for, and the outcome of the last action (a notice after a redirect, or the API's
 * refusal with its status).
 */
@ApplicationScoped
class ResourcePage {

    @Inject
    PublicApi api;

    @Location("resource.html")
    Template resource;

    Response after(Session session, String resourceId, ApiAnswer answer, String done) {
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
    static String failures(ApiAnswer answer) {
        StringJoiner failed = new StringJoiner("; ");
        answer.get("fail_resource_infos").forEach(info -> failed.add((info.path("resource_id").asText() + ": "
                + info.path("error_code").asText() + " " + info.path("error_msg").asText()).strip()));
        answer.get("error_details").forEach(info -> failed.add((info.path("id").asText() + ": "
                + info.path("error_code").asText() + " " + info.path("error_msg").asText()).strip()));
        return failed.length() == 0 ? null : failed.toString();
    }

    Response render(Session session, Page page, String resourceId, Map<String, Object> quote, int status) {
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
}
