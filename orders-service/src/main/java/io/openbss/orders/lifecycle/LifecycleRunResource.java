package io.openbss.orders.lifecycle;

import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: an operator runs the resource lifecycle now instead of at its next scheduled time. */
@Path("/internal/v1/lifecycle/runs")
@RolesAllowed(InternalToken.GROUP_OPERATOR)
public class LifecycleRunResource {

    @Inject
    ResourceLifecycle lifecycle;

    @POST
    @Operation(summary = "Run auto-renewal, expiry, deletion and the cancellation of orders of deleted resources once, "
            + "after any run in progress; answers when it is done")
    public Uni<Void> run() {
        return lifecycle.run();
    }
}
