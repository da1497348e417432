package io.openbss.orders.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v2/orders/customer-orders")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class CustomerOrdersResource {

    @Inject
    CurrentCaller caller;

    @Inject
    OrderQueries queries;

    /** ListCustomerOrdersResponse of the SDK. */
    public record OrderList(@JsonProperty("total_count") long totalCount,
            @JsonProperty("order_infos") List<OrderView> orderInfos) {
    }

    @GET
    @WithSession
    @Operation(operationId = "ListCustomerOrders", summary = "The caller's orders, filtered, sorted and paged")
    @SuppressWarnings("java:S107")
    public Uni<OrderList> list(@QueryParam("order_id") String orderId, @QueryParam("customer_id") String customerId,
            @QueryParam("create_time_begin") String createTimeBegin,
            @QueryParam("create_time_end") String createTimeEnd,
            @QueryParam("service_type_code") String serviceTypeCode, @QueryParam("status") String status,
            @QueryParam("order_type") String orderType, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @QueryParam("order_by") String orderBy,
            @QueryParam("payment_time_begin") String paymentTimeBegin,
            @QueryParam("payment_time_end") String paymentTimeEnd,
            @QueryParam("indirect_partner_id") String indirectPartnerId, @QueryParam("method") String method) {
        OrderSearch search = OrderSearch.parse(orderId, customerId, createTimeBegin, createTimeEnd, serviceTypeCode,
                status, orderType, limit, offset, orderBy, paymentTimeBegin, paymentTimeEnd, indirectPartnerId,
                method);
        return queries.search(caller.get().customerId(), search)
                .map(page -> new OrderList(page.total(), page.orders().stream()
                        .map(o -> OrderView.of(o, page.discounts().getOrDefault(o.orderId, List.of()))).toList()));
    }
}
