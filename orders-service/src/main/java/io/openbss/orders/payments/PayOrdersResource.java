package io.openbss.orders.payments;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.orders.conditions.ServiceTypeCondition;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v3/orders/customer-orders/pay")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class PayOrdersResource {

    @Inject
    ServiceTypeCondition condition;

    @Inject
    CurrentCaller caller;

    @Inject
    PaymentService payments;

    @POST
    @Operation(operationId = "PayOrders", summary = "Pay a yearly/monthly order from the balance, with coupons and "
            + "discounts; the resources are provisioned once it is charged")
    public Uni<Map<String, Object>> pay(PayRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return condition.onOrder(caller.get(), request.orderId())
                .chain(() -> payments.pay(caller.get().customerId(), request)).replaceWith(Map.of());
    }
}
