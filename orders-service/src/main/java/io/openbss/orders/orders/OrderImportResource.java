package io.openbss.orders.orders;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

    @Inject
    Pool pool;

    @POST
    @Operation(summary = "Import orders as they are; an order id already present is left untouched")
    public Uni<ImportResult> importOrders(OrderImport request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        ImportResult result = new ImportResult(new ArrayList<>(), new ArrayList<>());
        return pool.withTransaction(connection -> Multi.createFrom().iterable(request.orders())
                .onItem().transformToUniAndConcatenate(order -> order.toOrder().insertIfAbsent(connection)
                        .flatMap(inserted -> {
                            if (!inserted) {
                                result.alreadyPresent().add(order.orderId());
                                return Uni.createFrom().voidItem();
                            }
                            result.imported().add(order.orderId());
                            return insertDiscounts(connection, order);
                        }))
                .collect().last()).replaceWith(result);
    }

    private static Uni<Void> insertDiscounts(SqlConnection connection, OrderImport.ImportedOrder order) {
        if (order.discounts() == null || order.discounts().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> discounts = order.discounts().stream().map(d -> Tuple.of(order.orderId(), d.discountType(),
                Numeric.create(d.discountAmount()))).toList();
        return connection.preparedQuery("""
                        INSERT INTO order_discount (order_id, discount_type, discount_amount) VALUES ($1, $2, $3)""")
                .executeBatch(discounts).replaceWithVoid();
    }
}
