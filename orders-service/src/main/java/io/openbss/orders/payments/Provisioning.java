package io.openbss.orders.payments;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.client.BillingModels;
import io.openbss.common.sql.SqlQuery;
import io.openbss.common.time.BssTime;
import io.openbss.orders.orders.LinePayments;
import io.openbss.orders.orders.OrderTransitions;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.resources.ExpirePolicy;
import io.openbss.orders.resources.ResourceTransitions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
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
 * What a charged order does, recorded with its payment: the order is completed with the amounts
 * billing charged and the discounts it was charged with (what discount coupons took off shown as a discount, the
 * offer the payment chose instead of the best one), a new purchase provisions its resources
 * (main ones first), a renewal extends them. Never without the charge, never twice.
 */
@ApplicationScoped
public class Provisioning {

    private static final Logger LOG = Logger.getLogger(Provisioning.class);

    @Inject
    Pool pool;

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

    /**
     * Records a charge of the order's pending attempt, once: the attempt succeeds, the order is completed and its
     * lines written, and a new purchase's resources are provisioned, all in one statement that does nothing when a
     * request or the reconciler was first. A renewal, or a payment whose discounts the order must show differently
     * (another offer, discount coupons), does the rest of its work in the same transaction.
     */
    Uni<Void> paid(OrderToPay order, Payment payment, BillingModels.Charged charged, OffsetDateTime now) {
        Statement recorded = statement(order, payment, charged, now);
        // billing charges less than the payment's amount (lines to the cent) only by what discount coupons took off
        BigDecimal byDiscountCoupons = payment.amount().subtract(charged.amount());
        boolean purchase = order.orderType() == OrderType.NEW_PURCHASE;
        if (purchase && payment.discountId() == null && byDiscountCoupons.signum() <= 0) {
            return pool.preparedQuery(recorded.sql()).execute(recorded.parameters()).replaceWithVoid();
        }
        return pool.withTransaction(connection -> connection.preparedQuery(recorded.sql())
                .execute(recorded.parameters())
                .flatMap(rows -> rows.iterator().next().getLong("finished") == 0 ? Uni.createFrom().voidItem()
                        : discounts(connection, order, payment, byDiscountCoupons)
                                .chain(() -> purchase ? Uni.createFrom().voidItem() : renew(connection, order, now))));
    }

    /**
     * The statement that records a charge, with its parameters. Its text is one per kind of order (new purchase or
     * renewal), whatever the number of lines, and short enough for the SQL client to keep it prepared (under 2,048
     * characters): a longer one would be parsed and planned again for each payment.
     */
    record Statement(String sql, Tuple parameters) {
    }

    static Statement statement(OrderToPay order, Payment payment, BillingModels.Charged charged,
            OffsetDateTime now) {
        SqlQuery sql = SqlQuery.sql();
        BigDecimal cash = charged.cashAmount().add(charged.creditAmount());
        StringBuilder statement = new StringBuilder("WITH ")
                .append(PaymentTransitions.succeeded(sql, payment, JsonObject.mapFrom(charged), now)).append(",\n")
                .append(OrderTransitions.completed(sql, new OrderTransitions.Paid(charged.amount(),
                        charged.couponAmount(), charged.storedCardAmount(), cash), now)).append(",\n")
                .append(lines(sql, order, payment, charged));
        if (order.orderType() == OrderType.NEW_PURCHASE) {
            statement.append(",\n").append(provisioned(sql, order, payment, now));
        }
        // the attempt moved only if the order did: nothing else moves an order out of processing
        statement.append(sql.bound("""

                SELECT f.n AS finished FROM (SELECT count(*) AS n FROM finished) f, (SELECT count(*) AS n FROM completed) c
                WHERE CASE WHEN f.n = c.n THEN true
                ELSE refuse_statement('order ' || ?::text || ' was charged but is not being paid') END""",
                order.orderId()));
        return new Statement(statement.toString(), sql.tuple());
    }

    /** Each line: the period it bought, and what paid it as its bill line records it (kept when billing did not say). */
    private static String lines(SqlQuery sql, OrderToPay order, Payment payment, BillingModels.Charged charged) {
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
        // all the lines from arrays: one executor start whatever their number, and one text of the statement
        return sql.bound("""
                paid_lines AS (UPDATE order_line l SET effective_time = p.e, expire_time = p.x,
                coupon_amount = coalesce(p.c, l.coupon_amount), stored_card_amount = coalesce(p.s, l.stored_card_amount),
                consumed_amount = coalesce(p.u, l.consumed_amount)
                FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::numeric[], ?::numeric[], ?::numeric[])
                AS p(id, e, x, c, s, u) WHERE l.order_id IN (SELECT order_id FROM completed) AND l.line_id = p.id)""",
                lineIds, effective, expire, coupons, storedCards, consumed);
    }

    /** The columns of a provisioned resource, in the order of {@link #resource}, and the type of each. */
    private static final String[] RESOURCE_COLUMNS = {"resource_id", "customer_id", "payer_customer_id",
        "main_resource_id", "order_id", "service_type_code", "service_type_name", "resource_type_code",
        "resource_spec_code", "region_code", "product_id", "product_spec_desc", "resource_name", "resource_size",
        "size_measure_id", "effective_time", "expire_time", "bought_months", "max_period_months", "update_time",
        "period_type", "period_num", "resource_type_name", "project_id", "enterprise_project_id",
        "enterprise_project_name", "status"};
    private static final String[] RESOURCE_TYPES = {"text", "text", "text", "text", "text", "text", "text", "text",
        "text", "text", "text", "text", "text", "int", "int", "timestamptz", "timestamptz", "int", "int",
        "timestamptz", "int", "int", "text", "text", "text", "text", "int"};

    /**
     * The order's resources, once it completed, from one array per column (so that the statement's text is the same
     * whatever their number), main ones first: a subordinate resource refers to its main one.
     */
    private static String provisioned(SqlQuery sql, OrderToPay order, Payment payment, OffsetDateTime now) {
        List<List<Object>> rows = new ArrayList<>();
        for (boolean mains : new boolean[] {true, false}) {
            for (OrderToPay.Line line : order.lines()) {
                if ((line.mainResourceId() == null) == mains) {
                    rows.add(resource(order, line, payment, now));
                }
            }
        }
        Object[] columns = new Object[RESOURCE_TYPES.length];
        StringBuilder arrays = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
            Object[] column = switch (RESOURCE_TYPES[c]) {
                case "int" -> new Integer[rows.size()];
                case "timestamptz" -> new OffsetDateTime[rows.size()];
                default -> new String[rows.size()];
            };
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r).get(c);
            }
            columns[c] = column;
            arrays.append(c == 0 ? "?::" : ", ?::").append(RESOURCE_TYPES[c]).append("[]");
        }
        return sql.bound("provisioned AS (INSERT INTO subscription (" + String.join(", ", RESOURCE_COLUMNS)
                + ") SELECT * FROM unnest(" + arrays + ") WHERE EXISTS (SELECT 1 FROM completed))", columns);
    }

    /**
     * The discounts the order shows: those of the offer the payment chose instead of the best one (or none), and
     * what discount coupons took off.
     */
    private static Uni<Void> discounts(SqlConnection connection, OrderToPay order, Payment payment,
            BigDecimal byDiscountCoupons) {
        Uni<?> done = Uni.createFrom().voidItem();
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
        if (byDiscountCoupons.signum() > 0) {
            done = done.chain(() -> connection.preparedQuery(
                            "INSERT INTO order_discount (order_id, discount_type, discount_amount) VALUES ($1, $2, $3)")
                    .execute(Tuple.of(order.orderId(), DISCOUNT_COUPON, Numeric.create(byDiscountCoupons))));
        }
        return done.replaceWithVoid();
    }

    /** A renewal extends its resources; an auto-renewal uses up one of the renewals left. */
    private Uni<Void> renew(SqlConnection connection, OrderToPay order, OffsetDateTime now) {
        List<ResourceTransitions.Renewal> renewed = new ArrayList<>();
        for (OrderToPay.Line line : order.lines()) {
            renewed.add(new ResourceTransitions.Renewal(line.resourceId(), utc(line.expire()), line.months()));
        }
        Uni<?> done = resources.renew(connection, renewed, now).invoke(count -> {
            if (count < renewed.size()) {
                // deleted while the renewal was paid (its retention ended): a deleted resource stays deleted
                LOG.warnf("renewal order %s was paid but %d of its %d resources were deleted meanwhile",
                        order.orderId(), renewed.size() - count, renewed.size());
            }
        });
        if (order.systemMade()) {
            // the last renewal left ends auto-renewal
            done = done.chain(() -> connection.preparedQuery("""
                            UPDATE subscription
                               SET auto_renew_left = auto_renew_left - 1,
                                   expire_policy = CASE WHEN auto_renew_left = 1 THEN $2 ELSE expire_policy END
                             WHERE resource_id = ANY($1) AND auto_renew_left IS NOT NULL""")
                    .execute(Tuple.of(order.lines().stream().map(OrderToPay.Line::resourceId)
                            .toArray(String[]::new), ExpirePolicy.GRACE.code())));
        }
        return done.replaceWithVoid();
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
