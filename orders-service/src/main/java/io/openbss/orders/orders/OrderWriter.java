package io.openbss.orders.orders;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.client.BillingModels;
import io.openbss.orders.resources.ProjectAssignment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an order waiting for payment ({@link OrderTransitions#PLACED}): the order, one line per resource as billing
 * priced it, billing's discount offers per line, and the order's discounts as CustomerOrderV2 shows them (the best
 * offers).
 */
@ApplicationScoped
public class OrderWriter {

    @Inject
    OrderIds orderIds;

    /** An order to write; {@code creationKey} and {@code creationHash} only for a provider's new purchase. */
    public record Draft(String customerId, String payerCustomerId, OrderType orderType, int sourceType,
            String creationKey, String creationHash, List<Line> lines) {
    }

    /**
     * A line: the resource, its period, and its price (which names the product and its resource type);
     * {@code effective}/{@code expire} known for renewals.
     */
    public record Line(String resourceId, String mainResourceId, String serviceTypeCode, String serviceTypeName,
            String resourceTypeCode, String resourceSpecCode, String regionCode, String resourceName,
            ProjectAssignment projects, Integer resourceSize, Integer sizeMeasureId, int periodType, int periodNum,
            int subscriptionNum, Instant effective, Instant expire, BillingModels.RatedProduct price) {
    }

    /**
     * The new order's id; null when a concurrent request with the same creation key wrote it first. Ids are drawn
     * again until one is free: a minute's ids differ in five random characters, which meet at high order rates.
     */
    public Uni<String> write(SqlConnection connection, Draft draft, Instant now, Instant paymentEnd) {
        String orderId = orderIds.next(now);
        Line first = draft.lines().stream().filter(l -> l.mainResourceId() == null).findFirst()
                .orElse(draft.lines().get(0));
        BigDecimal official = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        for (Line line : draft.lines()) {
            official = official.add(line.price().officialAmount());
            amount = amount.add(line.price().amount());
        }
        BigDecimal total = official;
        BigDecimal payable = amount;
        return connection.preparedQuery("""
                        INSERT INTO customer_order (order_id, customer_id, payer_customer_id, service_type_code,
                            service_type_name, source_type, status, order_type, official_amount,
                            amount_after_discount, create_time, pending_payment_end_time, creation_key, creation_hash)
                        VALUES ($1, $2, $3, $4, $5, $6, $14, $7, $8, $9, $10, $11, $12, $13)
                        ON CONFLICT DO NOTHING RETURNING order_id""")
                .execute(Tuple.from(Arrays.asList(orderId, draft.customerId(), draft.payerCustomerId(),
                        first.serviceTypeCode(), first.serviceTypeName(), draft.sourceType(),
                        draft.orderType().code(), Numeric.create(total), Numeric.create(payable), utc(now),
                        utc(paymentEnd), draft.creationKey(), draft.creationHash(), OrderTransitions.PLACED.code())))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        // the creation key was written by a concurrent request, or the random id was taken
                        return created(connection, draft).flatMap(created -> created ? Uni.createFrom().nullItem()
                                : write(connection, draft, now, paymentEnd));
                    }
                    List<Tuple> lines = new ArrayList<>();
                    List<Tuple> offers = new ArrayList<>();
                    Map<String, BigDecimal> discountsByType = new TreeMap<>();
                    int n = 0;
                    for (Line line : draft.lines()) {
                        String lineId = orderId + "-" + (++n);
                        BillingModels.RatedProduct price = line.price();
                        List<Object> values = new ArrayList<>(Arrays.asList(orderId, lineId, line.resourceId(),
                                line.mainResourceId(), line.serviceTypeCode(), line.serviceTypeName(),
                                line.resourceTypeCode(), line.resourceSpecCode(), line.regionCode(),
                                price.productId(), price.specDescZh(), line.resourceName(), line.resourceSize(),
                                line.sizeMeasureId(), line.periodType(), line.periodNum(), line.subscriptionNum(),
                                price.maxPeriodMonths(), Numeric.create(price.officialAmount()),
                                Numeric.create(price.discountAmount()), utc(line.effective()), utc(line.expire()),
                                lineDiscountType(price), price.resourceTypeName()));
                        values.addAll(line.projects().columns());
                        lines.add(Tuple.from(values));
                        if (price.discountAmount().signum() > 0) {
                            discountsByType.merge(price.discountType(), price.discountAmount(), BigDecimal::add);
                        }
                        for (BillingModels.Offer offer : price.discounts()) {
                            offers.add(Tuple.of(orderId, lineId, offer.discountId(), offer.type(), offer.name(),
                                    Numeric.create(offer.amount())));
                        }
                    }
                    Uni<?> saved = connection.preparedQuery("""
                                    INSERT INTO order_line (order_id, line_id, resource_id, main_resource_id,
                                        service_type_code, service_type_name, resource_type_code, resource_spec_code,
                                        region_code, product_id, product_spec_desc, resource_name, resource_size,
                                        size_measure_id, period_type, period_num, subscription_num, max_period_months,
                                        official_amount, discount_amount, amount_after_discount, effective_time,
                                        expire_time, discount_type, resource_type_name, project_id,
                                        enterprise_project_id, enterprise_project_name)
                                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
                                            $17, $18, $19, $20, $19::numeric - $20::numeric, $21, $22, $23, $24, $25,
                                            $26, $27)""")
                            .executeBatch(lines);
                    if (!offers.isEmpty()) {
                        saved = saved.chain(() -> connection.preparedQuery("""
                                        INSERT INTO order_discount_offer (order_id, line_id, discount_id, discount_type,
                                            discount_name, discount_amount) VALUES ($1, $2, $3, $4, $5, $6)""")
                                .executeBatch(offers));
                    }
                    if (!discountsByType.isEmpty()) {
                        List<Tuple> discounts = new ArrayList<>();
                        discountsByType.forEach((type, sum) -> discounts.add(Tuple.of(orderId, type,
                                Numeric.create(sum))));
                        saved = saved.chain(() -> connection.preparedQuery("""
                                        INSERT INTO order_discount (order_id, discount_type, discount_amount)
                                        VALUES ($1, $2, $3)""")
                                .executeBatch(discounts));
                    }
                    return saved.replaceWith(orderId);
                });
    }

    /** Whether an order with the draft's creation key exists (a provider's purchase has one). */
    private static Uni<Boolean> created(SqlConnection connection, Draft draft) {
        if (draft.creationKey() == null) {
            return Uni.createFrom().item(false);
        }
        return connection.preparedQuery("SELECT 1 FROM customer_order WHERE creation_key = $1")
                .execute(Tuple.of(draft.creationKey())).map(rows -> rows.size() > 0);
    }

    private static String lineDiscountType(BillingModels.RatedProduct price) {
        return price.discountAmount().signum() > 0 ? price.discountType() : null;
    }
}
