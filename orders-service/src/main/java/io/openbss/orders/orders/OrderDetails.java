package io.openbss.orders.orders;

import io.openbss.common.discount.DiscountKind;
import io.openbss.common.request.Paging;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An order with its amounts and one page of its line items (ShowCustomerOrderDetails). */
@ApplicationScoped
public class OrderDetails {

    @Inject
    Pool pool;

    @Inject
    OrderLookup lookup;

    public Uni<OrderDetailsView> of(String callerId, String orderId, Paging paging) {
        return lookup.visibleTo(callerId, orderId).flatMap(order -> discounts(orderId)
                .flatMap(discounts -> lines(order, paging).map(lines -> new OrderDetailsView(
                        order.getLong("line_count"), info(order, discounts), lines))));
    }

    private Uni<List<OrderView.Discount>> discounts(String orderId) {
        return pool.preparedQuery("""
                        SELECT discount_type, discount_amount FROM order_discount WHERE order_id = $1
                         ORDER BY discount_type""")
                .execute(Tuple.of(orderId)).map(rows -> {
                    List<OrderView.Discount> discounts = new ArrayList<>();
                    rows.forEach(row -> discounts.add(new OrderView.Discount(row.getString("discount_type"),
                            row.getBigDecimal("discount_amount"))));
                    return discounts;
                });
    }

    /**
     * A page of the order's lines. A paid line shows the discount its payment charged it with: the best offer,
     * the offer the customer chose, or none.
     */
    private Uni<List<OrderDetailsView.LineItem>> lines(Row order, Paging paging) {
        if (order.getLong("line_count") <= paging.offset()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                        SELECT l.*, CASE WHEN p.order_id IS NULL OR p.discount_id IS NULL THEN l.discount_amount
                                         ELSE coalesce(f.discount_amount, 0) END AS charged_discount,
                               CASE WHEN p.order_id IS NULL OR p.discount_id IS NULL THEN l.discount_type
                                    ELSE f.discount_type::text END AS charged_discount_type
                          FROM order_line l
                          LEFT JOIN order_payment p ON p.order_id = l.order_id AND p.status = $4
                          LEFT JOIN order_discount_offer f ON f.order_id = l.order_id AND f.line_id = l.line_id
                                                          AND f.discount_id = p.discount_id
                         WHERE l.order_id = $1 ORDER BY l.line_id OFFSET $2 LIMIT $3""")
                .execute(Tuple.of(order.getString("order_id"), paging.offset(), paging.limit(),
                        PaymentStatus.SUCCEEDED.name()))
                .map(rows -> {
                    List<OrderDetailsView.LineItem> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(line(row, order.getString("currency"))));
                    return lines;
                });
    }

    private static OrderDetailsView.OrderInfo info(Row o, List<OrderView.Discount> discounts) {
        return new OrderDetailsView.OrderInfo(o.getString("order_id"), o.getString("customer_id"),
                o.getString("service_type_code"), o.getString("service_type_name"), o.getInteger("source_type"),
                o.getInteger("status"), o.getInteger("order_type"), o.getBigDecimal("amount_after_discount"),
                o.getBigDecimal("official_amount"), 1, wire(o.getOffsetDateTime("create_time")),
                wire(o.getOffsetDateTime("payment_time")), o.getString("currency"), o.getString("contract_id"),
                new OrderView.AmountInfo(discounts, o.getBigDecimal("flexipurchase_coupon_amount"),
                        o.getBigDecimal("coupon_amount"), o.getBigDecimal("stored_card_amount"),
                        o.getBigDecimal("commission_amount"), o.getBigDecimal("consumed_amount")),
                o.getString("user_name"), wire(o.getOffsetDateTime("pending_payment_end_time")));
    }

    private static OrderDetailsView.LineItem line(Row l, String currency) {
        BigDecimal official = l.getBigDecimal("official_amount");
        BigDecimal discount = l.getBigDecimal("charged_discount").setScale(2);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        List<OrderView.Discount> discounts = discount.signum() > 0
                ? List.of(new OrderView.Discount(chargedType(l), discount)) : List.of();
        String serviceType = l.getString("service_type_code");
        String resourceType = l.getString("resource_type_code");
        return new OrderDetailsView.LineItem(l.getString("line_id"), serviceType, l.getString("service_type_name"),
                l.getString("product_id"), l.getString("product_spec_desc"), l.getInteger("period_type"),
                l.getInteger("period_num"), wire(l.getOffsetDateTime("effective_time")),
                wire(l.getOffsetDateTime("expire_time")), l.getInteger("subscription_num"),
                official.subtract(discount), official,
                new OrderView.AmountInfo(discounts, zero, l.getBigDecimal("coupon_amount"),
                        l.getBigDecimal("stored_card_amount"), zero, l.getBigDecimal("consumed_amount")), currency,
                serviceType,
                resourceType, new OrderDetailsView.Product(l.getString("product_id"),
                        l.getString("product_spec_desc"), serviceType, resourceType),
                l.getString("order_id"));
    }

    private static String wire(OffsetDateTime time) {
        Instant instant = time == null ? null : time.toInstant();
        return BssTime.formatWire(instant);
    }

    /** The DiscountItemV2 code of the discount a line was charged with (a commercial one for lines of old rows). */
    private static String chargedType(Row line) {
        String type = line.getString("charged_discount_type");
        return type != null ? type : DiscountKind.COMMERCIAL.wire();
    }
}
