package io.openbss.orders.billing;

import io.openbss.common.remote.RemoteErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service's internal API, as far as orders-service uses it. */
@RegisterRestClient(configKey = "billing")
@RegisterClientHeaders(BillingAuthorization.class)
@RegisterProvider(RemoteErrors.class)
@Path("/internal/v1")
interface BillingApi {

    @POST
    @Path("/ratings/period")
    Uni<BillingModels.RatedProducts> ratePeriod(BillingModels.PeriodRating rating);

    @POST
    @Path("/ledger/charges")
    Uni<BillingModels.Charged> charge(BillingModels.Charge charge);

    @POST
    @Path("/ledger/refunds")
    Uni<BillingModels.Charged> refund(BillingModels.Refund refund);

    @POST
    @Path("/coupons/applicable")
    Uni<JsonObject> applicableCoupons(BillingModels.ApplicableCoupons query);
}
