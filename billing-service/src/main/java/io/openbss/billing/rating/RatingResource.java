package io.openbss.billing.rating;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Price inquiries for the calling customer, its discounts included. */
@Path("/v2/bills/ratings")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class RatingResource {

    @Inject
    CurrentCaller caller;

    @Inject
    RatingService rating;

    @POST
    @Path("/period-resources/subscribe-rate")
    @Operation(operationId = "ListRateOnPeriodDetail", summary = "Price yearly/monthly products")
    public Uni<RatingViews.PeriodRating> period(@HeaderParam(Language.HEADER) String language,
            RatingRequests.RateOnPeriodReq request) {
        Language lang = Language.of(language);
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return rating.quotePeriod(caller.get().customerId(), request.validated())
                .map(quote -> RatingViews.PeriodRating.of(quote, lang));
    }

    @POST
    @Path("/on-demand-resources")
    @Operation(operationId = "ListOnDemandResourceRatings", summary = "Price pay-per-use products for an amount of usage")
    public Uni<RatingViews.OnDemandRating> onDemand(@HeaderParam(Language.HEADER) String language,
            RatingRequests.RateOnDemandReq request) {
        Language lang = Language.of(language);
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return rating.quoteOnDemand(caller.get().customerId(), request.validated(), request.scale())
                .map(quote -> RatingViews.OnDemandRating.of(quote, lang));
    }
}
