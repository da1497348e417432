package io.openbss.orders.orders;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: an operator imports historical orders. */
@Path("/internal/v1/orders/imports")
@RolesAllowed(InternalToken.GROUP_OPERATOR)
public class OrderImportResource {

    public record ImportResult(List<String> imported,
            List<String> alreadyPresent) {
    }

    @POST
    @WithTransaction
    @Operation(summary = "Import orders as they are; an order id already present is left untouched")
    public Uni<ImportResult> importOrders(OrderImport request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        ImportResult result = new ImportResult(new ArrayList<>(), new ArrayList<>());
        return Multi.createFrom().iterable(request.orders())
                .onItem().transformToUniAndConcatenate(order -> CustomerOrder.findById(order.orderId())
                        .flatMap(existing -> {
                            if (existing != null) {
                                result.alreadyPresent().add(order.orderId());
                                return Uni.createFrom().voidItem();
                            }
                            result.imported().add(order.orderId());
                            return order.toOrder().persist().chain(() -> persistDiscounts(order));
                        }))
                .collect().last().replaceWith(result);
    }

    private Uni<Void> persistDiscounts(OrderImport.ImportedOrder order) {
        if (order.discounts() == null || order.discounts().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<OrderDiscount> discounts = order.discounts().stream().map(d -> {
            OrderDiscount discount = new OrderDiscount();
            discount.orderId = order.orderId();
            discount.discountType = d.discountType();
            discount.discountAmount = d.discountAmount();
            return discount;
        }).toList();
        return OrderDiscount.persist(discounts);
    }
}
