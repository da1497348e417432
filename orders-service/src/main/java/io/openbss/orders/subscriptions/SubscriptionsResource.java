package io.openbss.orders.subscriptions;

import static io.openbss.common.request.RequestParameters.requiredText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.orders.conditions.ServiceTypeCondition;
import io.openbss.orders.renewconfig.AutoRenewal;
import io.openbss.orders.renewconfig.AutoRenewalRequest;
import io.openbss.orders.renewconfig.PayPerUseAtExpiry;
import io.openbss.orders.renewconfig.PeriodToOnDemandRequest;
import io.openbss.orders.renewconfig.RenewConfigRequest;
import io.openbss.orders.renewconfig.RenewSettings;
import io.openbss.orders.renewals.RenewalRequest;
import io.openbss.orders.renewals.RenewalService;
import io.openbss.orders.unsubscriptions.UnsubscribeRequest;
import io.openbss.orders.unsubscriptions.UnsubscribeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The caller's yearly/monthly resources: what happens at expiry (auto-renewal, change to pay-per-use) and the
 * customer's renewal settings. Every operation under this path is a method of this class, since RESTEasy Reactive
 * does not route a class path that is a prefix of another's.
 */
@Path("/v2/orders/subscriptions/resources")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class SubscriptionsResource {

    /** SetResourcesRenewConfigResponse of the SDK: a success answers with the success code. */
    public record RenewConfigResult(String errorCode,
            String errorMsg) {

        static final RenewConfigResult SUCCESS = new RenewConfigResult("CBC.0000", "success");
    }

    @Inject
    ServiceTypeCondition condition;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Inject
    AutoRenewal autoRenewal;

    @Inject
    PayPerUseAtExpiry payPerUseAtExpiry;

    @Inject
    RenewSettings renewSettings;

    @Inject
    RenewalService renewals;

    @Inject
    UnsubscribeService unsubscriptions;

    @POST
    @Path("/autorenew/{resource_id}")
    @Operation(operationId = "AutoRenewalResources", summary = "Renew a main resource and its subordinates "
            + "automatically before they expire, a number of times or without limit")
    public Uni<Map<String, Object>> autoRenew(@PathParam("resource_id") String resourceId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AutoRenewalRequest.class))) String body)
            throws JsonProcessingException {
        requiredText("resource_id", resourceId, 64);
        // the body is optional, so a request without one (nor a Content-Type) is read as giving no count
        AutoRenewalRequest request = body == null || body.isBlank() ? AutoRenewalRequest.ABSENT
                : json.readValue(body, AutoRenewalRequest.class);
        if (request == null) {
            request = AutoRenewalRequest.ABSENT;
        }
        request.validate();
        AutoRenewalRequest checked = request;
        return condition.onResources(caller.get(), List.of(resourceId))
                .chain(() -> autoRenewal.turnOn(caller.get().customerId(), resourceId, checked)).replaceWith(Map.of());
    }

    @DELETE
    @Path("/autorenew/{resource_id}")
    @Operation(operationId = "CancelAutoRenewalResources", summary = "Stop renewing a main resource and its "
            + "subordinates automatically (nothing to do when they are not)")
    public Uni<Map<String, Object>> cancelAutoRenew(@PathParam("resource_id") String resourceId) {
        requiredText("resource_id", resourceId, 64);
        return condition.onResources(caller.get(), List.of(resourceId))
                .chain(() -> autoRenewal.turnOff(caller.get().customerId(), resourceId)).replaceWith(Map.of());
    }

    @POST
    @Path("/renew/config")
    @Operation(operationId = "SetResourcesRenewConfig", summary = "Set the caller's auto-renewal deduction day "
            + "(2-7 days before expiry) or the day of the month renewed resources expire on")
    public Uni<RenewConfigResult> setRenewConfig(RenewConfigRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        RenewConfigRequest.Setting setting = request.validate();
        return renewSettings.set(caller.get().customerId(), setting).replaceWith(RenewConfigResult.SUCCESS);
    }

    @POST
    @Path("/to-on-demand")
    @Operation(operationId = "UpdatePeriodToOnDemand", summary = "Set or cancel the change of main resources "
            + "and their subordinates to pay-per-use when they expire; the answer lists the resources that failed")
    public Uni<PayPerUseAtExpiry.Outcome> toOnDemand(PeriodToOnDemandRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return condition.onResources(caller.get(), request.resourceIds())
                .chain(() -> payPerUseAtExpiry.update(caller.get().customerId(), request));
    }

    /** RenewalResourcesResponse and CancelResourcesSubscriptionResponse of the SDK. */
    public record OrdersMade(List<String> orderIds,
            List<RenewalService.Failure> failResourceInfos) {
    }

    /** The body of UpdatePeriodToOnDemandInstantly: main resources to convert now. */
    public record InstantConversion(List<String> resourceIds) {
    }

    @POST
    @Path("/renew")
    @Operation(operationId = "RenewalResources", summary = "Renew main resources with their subordinates; "
            + "is_auto_pay=1 pays at once")
    public Uni<OrdersMade> renew(RenewalRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return condition.onResources(caller.get(), request.resourceIds())
                .chain(() -> renewals.renew(caller.get().customerId(), request, 1))
                .map(result -> new OrdersMade(result.orderIds(), result.failures()));
    }

    @POST
    @Path("/unsubscribe")
    @Operation(operationId = "CancelResourcesSubscription", summary = "Unsubscribe main resources (and their "
            + "renewals); the unused time is refunded through refund orders")
    public Uni<OrdersMade> unsubscribe(UnsubscribeRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return condition.onResources(caller.get(), request.resourceIds())
                .chain(() -> unsubscriptions.unsubscribe(caller.get().customerId(), request))
                .map(orderIds -> new OrdersMade(orderIds, List.of()));
    }

    @POST
    @Path("/to-on-demand/instantly")
    @Operation(operationId = "UpdatePeriodToOnDemandInstantly", summary = "Convert main resources to pay-per-use now: "
            + "their yearly/monthly subscription ends and its unused time is refunded")
    public Uni<OrdersMade> toOnDemandInstantly(InstantConversion request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        UnsubscribeRequest conversion = new UnsubscribeRequest(request.resourceIds(), 1, null,
                "converted to pay-per-use");
        conversion.validate();
        return condition.onResources(caller.get(), conversion.resourceIds())
                .chain(() -> unsubscriptions.unsubscribe(caller.get().customerId(), conversion))
                .map(orderIds -> new OrdersMade(orderIds, List.of()));
    }
}
