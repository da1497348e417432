package io.openbss.orders.purchases;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Internal API: cloud services (and operators) order yearly/monthly resources for their customers. */
@Path("/internal/v1/purchases")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class PurchaseResource {

    @Inject
    OrderCreation creation;

    public record CreatedOrder(String orderId,
            BigDecimal officialAmount,
            BigDecimal amountAfterDiscount,
            List<String> resourceIds) {
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a new-purchase order, priced by billing-service, waiting for its payment "
            + "(idempotent by idempotency_key)")
    public Uni<CreatedOrder> create(PurchaseRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return creation.create(request).map(c -> new CreatedOrder(c.orderId(), c.officialAmount(),
                c.amountAfterDiscount(), c.resourceIds()));
    }
}
