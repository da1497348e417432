package io.openbss.orders.unsubscriptions;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.orders.SourceType;
import io.openbss.orders.orders.OrderIds;
import io.openbss.orders.renewals.Renewable;
import io.openbss.orders.renewals.RenewalService;
import io.openbss.orders.resources.ProjectAssignment;
import io.openbss.orders.resources.ResourceTransitions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unsubscribes main resources with their subordinates. In one transaction: the paid periods not refunded yet are
 * priced by {@link RefundRule}, one refund order per original order records them (each paid line refunded at most
 * once, which the database holds), and the resources are deleted (type 1, {@link ResourceTransitions#unsubscribe})
 * or cut back to their current period (type 2). Then {@link RefundOrders} pays the refunds back through the ledger.
 */
@ApplicationScoped
public class UnsubscribeService {

    /** The orders whose paid periods an unsubscription refunds. */
    private static final Integer[] REFUNDABLE = OrderType.codes(OrderType.NEW_PURCHASE, OrderType.RENEWAL);

    @Inject
    Pool pool;

    @Inject
    OrderIds orderIds;

    @Inject
    RenewalService renewals;

    @Inject
    RefundOrders refunds;

    @Inject
    ResourceTransitions resources;

    @Inject
    Clock clock;

    public Uni<List<String>> unsubscribe(String callerId, UnsubscribeRequest request) {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> renewals.load(connection, callerId, request.resourceIds(), true)
                        .flatMap(renewables -> record(connection, renewables, request, now)))
                .call(orderIds -> Multi.createFrom().iterable(orderIds)
                        .onItem().transformToUniAndConcatenate(id -> refunds.pay(id).onFailure()
                                .recoverWithNull())
                        .collect().last());
    }

    private Uni<List<String>> record(SqlConnection connection, List<Renewable> renewables, UnsubscribeRequest request,
            Instant now) {
        String[] ids = renewables.stream().flatMap(r -> r.all().stream()).map(Renewable.Resource::resourceId)
                .toArray(String[]::new);
        return connection.preparedQuery("""
                        SELECT l.*, o.customer_id, o.payer_customer_id FROM order_line l
                          JOIN customer_order o ON o.order_id = l.order_id
                          LEFT JOIN line_refund r ON r.order_id = l.order_id AND r.line_id = l.line_id
                         WHERE l.resource_id = ANY($1) AND o.status = $2 AND o.order_type = ANY($3::int[])
                           AND r.order_id IS NULL
                         ORDER BY l.order_id, l.line_id""")
                .execute(Tuple.of(ids, OrderStatus.COMPLETED.code(), REFUNDABLE)).flatMap(rows -> {
                    Map<String, List<Refunded>> byOrder = new LinkedHashMap<>();
                    for (Row line : rows) {
                        BigDecimal amount = RefundRule.refund(line.getBigDecimal("amount_after_discount"),
                                line.getOffsetDateTime("effective_time").toInstant(),
                                line.getOffsetDateTime("expire_time").toInstant(), now, request.resourceToo());
                        if (amount.signum() > 0) {
                            byOrder.computeIfAbsent(line.getString("order_id"), k -> new ArrayList<>())
                                    .add(new Refunded(line, amount));
                        }
                    }
                    Uni<List<String>> written = Multi.createFrom().iterable(byOrder.entrySet())
                            .onItem().transformToUniAndConcatenate(e -> writeRefundOrder(connection, e.getKey(),
                                    e.getValue(), now))
                            .collect().asList();
                    return written.call(() -> close(connection, ids, request.resourceToo(), now));
                });
    }

    private record Refunded(Row line, BigDecimal amount) {
    }

    /** The refund order's id, drawn again while it is taken (see {@link OrderIds}). */
    private Uni<String> writeRefundOrder(SqlConnection connection, String baseOrderId, List<Refunded> lines,
            Instant now) {
        String orderId = orderIds.next(now);
        Row first = lines.get(0).line();
        BigDecimal total = lines.stream().map(Refunded::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Tuple> orderLines = new ArrayList<>();
        List<Tuple> marks = new ArrayList<>();
        int n = 0;
        for (Refunded refunded : lines) {
            Row l = refunded.line();
            String lineId = orderId + "-" + (++n);
            List<Object> values = new ArrayList<>(Arrays.asList(orderId, lineId, l.getString("resource_id"),
                    l.getString("main_resource_id"), l.getString("service_type_code"), l.getString("service_type_name"),
                    l.getString("resource_type_code"), l.getString("resource_spec_code"), l.getString("region_code"),
                    l.getString("product_id"), l.getString("product_spec_desc"), l.getString("resource_name"),
                    Numeric.create(refunded.amount()), utc(now), l.getOffsetDateTime("expire_time"),
                    l.getString("resource_type_name")));
            values.addAll(ProjectAssignment.of(l).columns());
            orderLines.add(Tuple.from(values));
            marks.add(Tuple.of(l.getString("order_id"), l.getString("line_id"), orderId,
                    Numeric.create(refunded.amount())));
        }
        return connection.preparedQuery("""
                        INSERT INTO customer_order (order_id, customer_id, payer_customer_id, service_type_code,
                            service_type_name, source_type, status, order_type, official_amount,
                            amount_after_discount, create_time, base_order_id, next_attempt_at)
                        VALUES ($1, $2, $3, $4, $5, $9, $10, $11, $6, $6, $7, $8, $12)
                        ON CONFLICT (order_id) DO NOTHING""")
                .execute(Tuple.from(Arrays.asList(orderId, first.getString("customer_id"),
                        first.getString("payer_customer_id"), first.getString("service_type_code"),
                        first.getString("service_type_name"), Numeric.create(total), utc(now), baseOrderId,
                        SourceType.CUSTOMER.code(), RefundOrderTransitions.PLACED.code(),
                        OrderType.UNSUBSCRIPTION.code(), refunds.dueToReconciler(now))))
                .flatMap(written -> written.rowCount() == 0 ? writeRefundOrder(connection, baseOrderId, lines, now)
                        : writeRefundLines(connection, orderLines, marks).replaceWith(orderId));
    }

    /** A refund order's lines, and the marks of the lines it refunds. */
    private static Uni<?> writeRefundLines(SqlConnection connection, List<Tuple> orderLines, List<Tuple> marks) {
        return connection.preparedQuery("""
                        INSERT INTO order_line (order_id, line_id, resource_id, main_resource_id, service_type_code,
                            service_type_name, resource_type_code, resource_spec_code, region_code, product_id,
                            product_spec_desc, resource_name, official_amount, discount_amount,
                            amount_after_discount, effective_time, expire_time, resource_type_name, project_id,
                            enterprise_project_id, enterprise_project_name)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $13, $14, $15, $16, $17,
                                $18, $19)""")
                .executeBatch(orderLines)
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO line_refund (order_id, line_id, refund_order_id, amount)
                        VALUES ($1, $2, $3, $4)""").executeBatch(marks));
    }

    /** Type 1 closes the resources now; type 2 cuts them back to the end of the period running now. */
    private Uni<Void> close(SqlConnection connection, String[] ids, boolean resourceToo, Instant now) {
        if (resourceToo) {
            return resources.unsubscribe(connection, ids, utc(now)).replaceWithVoid();
        }
        return connection.preparedQuery("""
                        UPDATE subscription s SET update_time = $2,
                               expire_time = coalesce((SELECT max(l.expire_time) FROM order_line l
                                                         JOIN customer_order o ON o.order_id = l.order_id
                                                        WHERE l.resource_id = s.resource_id AND o.status = $3
                                                          AND o.order_type = ANY($4::int[])
                                                          AND l.effective_time <= $2),
                                                      s.expire_time)
                         WHERE s.resource_id = ANY($1)""")
                .execute(Tuple.of(ids, utc(now), OrderStatus.COMPLETED.code(), REFUNDABLE)).replaceWithVoid();
    }
}
