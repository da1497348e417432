package io.openbss.billing.usage;

import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.RequestParameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: rate closed usage now rather than at the next scheduled run (operators, tests, demo data). */
@Path("/internal/v1/usage-records/ratings")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class UsageRatingResource {

    @Inject
    UsageRating rating;

    @Inject
    Clock clock;

    public record RatingRequest(String until) {
    }

    @POST
    @Operation(summary = "Rate every usage period closed by `until` (default now)")
    public Uni<UsageRating.Run> rate(RatingRequest request) {
        Instant until = request == null ? null : RequestParameters.optionalInstant("until", request.until());
        Instant now = clock.instant();
        return rating.rateUntil(until == null || until.isAfter(now) ? now : until);
    }
}
