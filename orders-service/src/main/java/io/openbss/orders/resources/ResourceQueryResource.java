package io.openbss.orders.resources;

import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's yearly/monthly resources. The path's "suscriptions" is the real API's spelling. */
@Path("/v2/orders/suscriptions/resources/query")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class ResourceQueryResource {

    @Inject
    CurrentCaller caller;

    @Inject
    ResourceQueries queries;

    @POST
    @Operation(operationId = "ListPayPerUseCustomerResources", summary = "The caller's yearly/monthly resources, "
            + "filtered and paged in expiry order")
    public Uni<ResourceQueries.ResourceList> query(ResourceQuery request) {
        ResourceQuery.Filter filter = (request == null ? ResourceQuery.EMPTY : request).validate();
        return queries.find(caller.get().customerId(), filter);
    }
}
