package io.openbss.billing.client;

import io.openbss.common.remote.RemoteErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service's internal API, as far as its callers use it; called only through {@link BillingClient}. */
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

    @POST
    @Path("/ledger/transfers")
    Uni<BillingModels.Posted> transfer(BillingModels.Transfer transfer);

    @GET
    @Path("/customers/{customer_id}/funds")
    Uni<BillingModels.Funds> funds(@PathParam("customer_id") String customerId);

    @GET
    @Path("/customers/{customer_id}/transferable-coupons")
    Uni<BillingModels.CouponPage> transferableCoupons(@PathParam("customer_id") String customerId,
            @QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/customers/{customer_id}/received-coupons")
    Uni<BillingModels.CouponPage> receivedCoupons(@PathParam("customer_id") String customerId,
            @QueryParam("from_customer_id") String fromCustomerId, @QueryParam("offset") int offset,
            @QueryParam("limit") int limit);

    @POST
    @Path("/coupons/{coupon_id}/transfers")
    Uni<BillingModels.IssuedCoupon> transferCoupon(@PathParam("coupon_id") String couponId,
            BillingModels.CouponTransfer transfer);

    @POST
    @Path("/coupons/{coupon_id}/reclaims")
    Uni<BillingModels.ReclaimedCoupon> reclaimCoupon(@PathParam("coupon_id") String couponId,
            BillingModels.CouponReclaim reclaim);

    @PUT
    @Path("/customers/{customer_id}")
    Uni<BillingModels.Registration> register(@PathParam("customer_id") String customerId,
            BillingModels.Registration registration);

    @PUT
    @Path("/customers/{customer_id}/association")
    Uni<BillingModels.Association> associate(@PathParam("customer_id") String subCustomerId,
            BillingModels.Association association);
}
