package io.openbss.orders.payments;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.client.BillingModels;
import io.openbss.common.sql.SqlRows;
import io.openbss.common.time.BssTime;
import io.openbss.orders.orders.LinePayments;
import io.openbss.orders.orders.OrderTransitions;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.resources.ExpirePolicy;
import io.openbss.orders.resources.ResourceTransitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a charged order does, in the transaction that records its payment: the order is completed with the amounts
 * billing charged and the discounts it was charged with (what discount coupons took off shown as a discount, the
 * offer the payment chose instead of the best one), a new purchase provisions its resources
 * (main ones first), a renewal extends them. Never without the charge, never twice.
 */
@ApplicationScoped
public class Provisioning {

    private static final Logger LOG = Logger.getLogger(Provisioning.class);

    @Inject
    OrderTransitions orders;

    @Inject
    ResourceTransitions resources;

    /** DiscountItemV2 300 (促销折扣券): what the discount coupons of a payment took off the order. */
    static final String DISCOUNT_COUPON = "300";

    /** The period a line buys, from when its payment started (new purchases) or from its line (renewals). */
    record Period(Instant effective, Instant expire) {
    }

    static Period period(OrderToPay order, OrderToPay.Line line, Payment payment) {
        if (line.effective() != null) {
            return new Period(line.effective(), line.expire());
        }
        Instant start = payment.createdAt().toInstant();
        return new Period(start, start.atZone(BssTime.BUSINESS_ZONE).plusMonths(line.months()).toInstant());
    }

    Uni<Void> paid(SqlConnection connection, OrderToPay order, Payment payment, BillingModels.Charged charged,
            OffsetDateTime now) {
        BigDecimal cash = charged.cashAmount().add(charged.creditAmount());
        // the attempt was pending, so its order is processing: nothing else moves an order out of it
        Uni<?> done = orders.complete(connection, order.orderId(), new OrderTransitions.Paid(charged.amount(),
                        charged.couponAmount(), charged.storedCardAmount(), cash), now)
                .invoke(completed -> {
                    if (!completed) {
                        throw new IllegalStateException("Order " + order.orderId() + " was charged but is not "
                                + "being paid");
                    }
                });
        if (payment.discountId() != null) {
            // paid with another offer than the best one the order was priced with, or with none: the order shows
            // the discount its lines were charged with, as its bill lines do
            done = done.chain(() -> connection.preparedQuery("DELETE FROM order_discount WHERE order_id = $1")
                            .execute(Tuple.of(order.orderId())))
                    .chain(() -> connection.preparedQuery("""
                                    INSERT INTO order_discount (order_id, discount_type, discount_amount)
                                    SELECT order_id, discount_type::text, sum(discount_amount)
                                      FROM order_discount_offer WHERE order_id = $1 AND discount_id = $2
                                     GROUP BY order_id, discount_type""")
                            .execute(Tuple.of(order.orderId(), payment.discountId())));
        }
        // billing charges less than the payment's amount (lines to the cent) only by what discount coupons took off
        BigDecimal byDiscountCoupons = payment.amount().subtract(charged.amount());
        if (byDiscountCoupons.signum() > 0) {
            done = done.chain(() -> connection.preparedQuery(
                            "INSERT INTO order_discount (order_id, discount_type, discount_amount) VALUES ($1, $2, $3)")
                    .execute(Tuple.of(order.orderId(), DISCOUNT_COUPON, Numeric.create(byDiscountCoupons))));
        }
        // each line: the period it bought, and what paid it as its bill line records it (kept when billing did not
        // say per line)
        int lines = order.lines().size();
        List<Numeric[]> paid = LinePayments.of(charged, lines);
        String[] lineIds = new String[lines];
        OffsetDateTime[] effective = new OffsetDateTime[lines];
        OffsetDateTime[] expire = new OffsetDateTime[lines];
        Numeric[] coupons = new Numeric[lines];
        Numeric[] storedCards = new Numeric[lines];
        Numeric[] consumed = new Numeric[lines];
        for (int i = 0; i < lines; i++) {
            OrderToPay.Line line = order.lines().get(i);
            Period period = period(order, line, payment);
            Numeric[] amounts = paid == null ? new Numeric[3] : paid.get(i);
            lineIds[i] = line.lineId();
            effective[i] = utc(period.effective());
            expire[i] = utc(period.expire());
            coupons[i] = amounts[0];
            storedCards[i] = amounts[1];
            consumed[i] = amounts[2];
        }
        // one statement for all the lines, from arrays: one round trip and one executor start
        done = done.chain(() -> connection.preparedQuery("""
                        UPDATE order_line l SET effective_time = p.effective_time, expire_time = p.expire_time,
                               coupon_amount = coalesce(p.coupon_amount, l.coupon_amount),
                               stored_card_amount = coalesce(p.stored_card_amount, l.stored_card_amount),
                               consumed_amount = coalesce(p.consumed_amount, l.consumed_amount)
                          FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::numeric[], $6::numeric[],
                                      $7::numeric[])
                               AS p(line_id, effective_time, expire_time, coupon_amount, stored_card_amount,
                                    consumed_amount)
                         WHERE l.order_id = $1 AND l.line_id = p.line_id""")
                .execute(Tuple.from(Arrays.asList(order.orderId(), lineIds, effective, expire, coupons, storedCards,
                        consumed))));
        if (order.orderType() == OrderType.NEW_PURCHASE) {
            done = done.chain(() -> insert(connection, order, payment, now));
        } else {
            List<ResourceTransitions.Renewal> renewed = new ArrayList<>();
            for (OrderToPay.Line line : order.lines()) {
                renewed.add(new ResourceTransitions.Renewal(line.resourceId(), utc(line.expire()), line.months()));
            }
            done = done.chain(() -> resources.renew(connection, renewed, now).invoke(count -> {
                if (count < renewed.size()) {
                    // deleted while the renewal was paid (its retention ended): a deleted resource stays deleted
                    LOG.warnf("renewal order %s was paid but %d of its %d resources were deleted meanwhile",
                            order.orderId(), renewed.size() - count, renewed.size());
                }
            }));
            if (order.systemMade()) {
                // an auto-renewal uses up one of the renewals left; the last one ends auto-renewal
                done = done.chain(() -> connection.preparedQuery("""
                                UPDATE subscription
                                   SET auto_renew_left = auto_renew_left - 1,
                                       expire_policy = CASE WHEN auto_renew_left = 1 THEN $2 ELSE expire_policy END
                                 WHERE resource_id = ANY($1) AND auto_renew_left IS NOT NULL""")
                        .execute(Tuple.of(order.lines().stream().map(OrderToPay.Line::resourceId)
                                .toArray(String[]::new), ExpirePolicy.GRACE.code())));
            }
        }
        return done.replaceWithVoid();
    }

    /** The order's resources, main ones first (a subordinate resource refers to its main one), in one statement. */
    private Uni<Void> insert(SqlConnection connection, OrderToPay order, Payment payment, OffsetDateTime now) {
        List<List<Object>> rows = new ArrayList<>();
        for (boolean mains : new boolean[] {true, false}) {
            for (OrderToPay.Line line : order.lines()) {
                if ((line.mainResourceId() == null) == mains) {
                    rows.add(resource(order, line, payment, now));
                }
            }
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        SqlRows written = SqlRows.of(rows);
        return connection.preparedQuery("""
                        INSERT INTO subscription (resource_id, customer_id, payer_customer_id, main_resource_id,
                            order_id, service_type_code, service_type_name, resource_type_code, resource_spec_code,
                            region_code, product_id, product_spec_desc, resource_name, resource_size, size_measure_id,
                            effective_time, expire_time, bought_months, max_period_months, update_time,
                            period_type, period_num, resource_type_name, project_id, enterprise_project_id,
                            enterprise_project_name, status)
                        VALUES %s""".formatted(written.values()))
                .execute(written.parameters()).replaceWithVoid();
    }

    private static List<Object> resource(OrderToPay order, OrderToPay.Line line, Payment payment,
            OffsetDateTime now) {
        Period period = period(order, line, payment);
        List<Object> values = new ArrayList<>(Arrays.asList(line.resourceId(), order.customerId(),
                order.payerCustomerId(), line.mainResourceId(), order.orderId(), line.serviceTypeCode(),
                line.serviceTypeName(), line.resourceTypeCode(), line.resourceSpecCode(), line.regionCode(),
                line.productId(), line.productSpecDesc(), line.resourceName(), line.resourceSize(),
                line.sizeMeasureId(), utc(period.effective()), utc(period.expire()), line.months(),
                line.maxPeriodMonths(), now, line.periodType(), line.periodNum(), line.resourceTypeName()));
        values.addAll(line.projects().columns());
        values.add(ResourceTransitions.PROVISIONED.code());
        return values;
    }
}
