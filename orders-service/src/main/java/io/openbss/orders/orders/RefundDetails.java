package io.openbss.orders.orders;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** ShowRefundOrderDetails: what a refund order (an unsubscription) gave back, per resource and original order. */
@ApplicationScoped
public class RefundDetails {

    @Inject
    Pool pool;

    @Inject
    OrderLookup orders;

    /** ShowRefundOrderDetailsResponse of the SDK. */
    public record Refunds(int totalCount,
            List<RefundInfo> refundInfos) {
    }

    /** OrderRefundInfoV2 of the SDK: a negative amount is money given back. */
    public record RefundInfo(String id, BigDecimal amount,
            String measureId, String customerId,
            String resourceTypeCode,
            String serviceTypeCode,
            String serviceTypeName, String regionCode,
            String baseOrderId) {
    }

    public Uni<Refunds> of(String callerId, String orderId) {
        return orders.visibleTo(callerId, orderId).flatMap(order -> {
            if (order.getInteger("order_type") != OrderType.UNSUBSCRIPTION.code()) {
                return Uni.createFrom().item(new Refunds(0, List.of()));
            }
            return pool.preparedQuery("SELECT * FROM order_line WHERE order_id = $1 ORDER BY line_id")
                    .execute(Tuple.of(orderId)).map(rows -> {
                        List<RefundInfo> infos = new ArrayList<>();
                        for (Row line : rows) {
                            infos.add(new RefundInfo(line.getString("line_id"),
                                    line.getBigDecimal("amount_after_discount").negate(), "1",
                                    order.getString("customer_id"), line.getString("resource_type_code"),
                                    line.getString("service_type_code"), line.getString("service_type_name"),
                                    line.getString("region_code"), order.getString("base_order_id")));
                        }
                        return new Refunds(infos.size(), infos);
                    });
        });
    }
}
