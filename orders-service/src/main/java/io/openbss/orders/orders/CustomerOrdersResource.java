package io.openbss.orders.orders;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.request.Paging;
import io.openbss.common.request.RequestParameters;
import io.openbss.orders.conditions.ServiceTypeCondition;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v2/orders/customer-orders")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class CustomerOrdersResource {

    @Inject
    ServiceTypeCondition condition;

    @Inject
    CurrentCaller caller;

    @Inject
    RefundDetails refunds;

    @Inject
    OrderQueries queries;

    @Inject
    OrderDetails details;

    @Inject
    OrderCancellation cancellation;

    @Inject
    OrderBenefits benefits;

    /** ListCustomerOrdersResponse of the SDK. */
    public record OrderList(long totalCount,
            List<OrderView> orderInfos) {
    }

    @GET
    @Operation(operationId = "ListCustomerOrders", summary = "The caller's orders, filtered, sorted and paged")
    public Uni<OrderList> list(@BeanParam OrderSearch.Query query) {
        OrderSearch search = OrderSearch.parse(query);
        return queries.search(caller.get().customerId(), search)
                .map(page -> new OrderList(page.total(), page.orders().stream()
                        .map(o -> OrderView.of(o, page.discounts().getOrDefault(o.orderId, List.of()))).toList()));
    }

    @GET
    @Path("/details/{order_id}")
    @Operation(operationId = "ShowCustomerOrderDetails", summary = "One of the caller's orders with a page of its "
            + "line items")
    public Uni<OrderDetailsView> details(@PathParam("order_id") String orderId, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @QueryParam("indirect_partner_id") String indirectPartnerId,
            @HeaderParam(Language.HEADER) String language) {
        // names are stored as the catalog gave them; the header is only checked
        Language.of(language);
        RequestParameters.optionalText("indirect_partner_id", indirectPartnerId, 64);
        Paging paging = Paging.of(offset, limit, 10, 100);
        String order = RequestParameters.requiredText("order_id", orderId, 64);
        return condition.onOrder(caller.get(), order).chain(() -> details.of(caller.get().customerId(), order,
                paging));
    }

    @PUT
    @Path("/cancel")
    @Operation(operationId = "CancelCustomerOrder", summary = "Cancel one of the caller's orders waiting for payment")
    public Uni<Map<String, Object>> cancel(CancelRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        var cancelled = request.validate();
        return condition.onOrder(caller.get(), request.orderId())
                .chain(() -> cancellation.cancel(caller.get().customerId(), cancelled)).replaceWith(Map.of());
    }

    @GET
    @Path("/order-discounts")
    @Operation(operationId = "ListOrderDiscounts", summary = "The discounts an order waiting for payment may be paid "
            + "with")
    public Uni<OrderBenefits.DiscountList> discounts(@QueryParam("order_id") String orderId) {
        String order = RequestParameters.requiredText("order_id", orderId, 64);
        return condition.onOrder(caller.get(), order).chain(() -> benefits.discounts(caller.get().customerId(),
                order));
    }

    @GET
    @Path("/order-coupons")
    @Operation(operationId = "ListOrderCouponsByOrderId", summary = "The coupons an order waiting for payment may be "
            + "paid with")
    public Uni<JsonObject> coupons(@QueryParam("order_id") String orderId) {
        String order = RequestParameters.requiredText("order_id", orderId, 64);
        return condition.onOrder(caller.get(), order).chain(() -> benefits.coupons(caller.get().customerId(),
                order));
    }

    @GET
    @Path("/refund-orders")
    @Operation(operationId = "ShowRefundOrderDetails", summary = "What a refund order gave back")
    public Uni<RefundDetails.Refunds> refunds(@QueryParam("order_id") String orderId) {
        String order = RequestParameters.requiredText("order_id", orderId, 64);
        return condition.onOrder(caller.get(), order).chain(() -> refunds.of(caller.get().customerId(), order));
    }
}
