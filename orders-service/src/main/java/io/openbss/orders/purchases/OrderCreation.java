package io.openbss.orders.purchases;

import io.openbss.common.error.BssException;
import io.openbss.common.remote.RemoteErrors;
import io.openbss.orders.OrdersConfig;
import io.openbss.orders.billing.BillingClient;
import io.openbss.orders.billing.BillingModels;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes a new-purchase order waiting for payment: priced by billing-service for its customer (with the discounts
 * billing offers, the best one applied), one line per resource, main and subordinate resources linked. The same
 * idempotency key returns the same order.
 */
@ApplicationScoped
public class OrderCreation {

    public record Created(String orderId, BigDecimal officialAmount, BigDecimal amountAfterDiscount,
            List<String> resourceIds) {
    }

    @Inject
    Pool pool;

    @Inject
    BillingClient billing;

    @Inject
    Clock clock;

    @Inject
    OrdersConfig config;

    public Uni<Created> create(PurchaseRequest request) {
        String hash = request.contentHash();
        return existing(request.idempotencyKey(), hash).onItem().ifNull().switchTo(() -> billing.ratePeriod(
                        new BillingModels.PeriodRating(request.customerId(), request.products().stream()
                                .map(p -> new BillingModels.PeriodProduct(p.id(), p.serviceTypeCode(),
                                        p.resourceTypeCode(), p.resourceSpecCode(), p.regionCode(), p.resourceSize(),
                                        p.sizeMeasureId(), p.periodType(), p.periodNum(),
                                        p.subscriptionNum() == null ? 1 : p.subscriptionNum())).toList()))
                .onFailure().transform(RemoteErrors::answer)
                .flatMap(rated -> pool.withTransaction(connection -> insert(connection, request, hash, rated)))
                .flatMap(created -> created != null ? Uni.createFrom().item(created)
                        : existing(request.idempotencyKey(), hash)));
    }

    private Uni<Created> existing(String key, String hash) {
        return pool.preparedQuery("""
                        SELECT o.order_id, o.creation_hash, o.official_amount, o.amount_after_discount,
                               array_agg(l.resource_id ORDER BY l.line_id) AS resource_ids
                          FROM customer_order o JOIN order_line l ON l.order_id = o.order_id
                         WHERE o.creation_key = $1 GROUP BY o.order_id""")
                .execute(Tuple.of(key)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    if (!hash.equals(row.getString("creation_hash"))) {
                        throw BssException.badParameter("idempotency_key", "was used for a different order");
                    }
                    return new Created(row.getString("order_id"), row.getBigDecimal("official_amount"),
                            row.getBigDecimal("amount_after_discount"),
                            Arrays.asList(row.getArrayOfStrings("resource_ids")));
                });
    }

    /** The order, its lines and billing's offers; null when a concurrent request with the same key won. */
    private Uni<Created> insert(SqlConnection connection, PurchaseRequest request, String hash,
            BillingModels.RatedProducts rated) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String orderId = OrderIds.next(clock.instant());
        Map<String, BillingModels.RatedProduct> prices = new HashMap<>();
        rated.items().forEach(item -> prices.put(item.id(), item));
        Map<String, String> resourceIds = new LinkedHashMap<>();
        request.products().forEach(p -> resourceIds.put(p.id(), p.resourceId() != null ? p.resourceId()
                : UUID.randomUUID().toString().replace("-", "")));
        PurchaseRequest.Product first = request.products().stream().filter(p -> p.mainId() == null).findFirst()
                .orElseThrow();
        BigDecimal official = rated.items().stream().map(BillingModels.RatedProduct::officialAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = rated.items().stream().map(BillingModels.RatedProduct::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return connection.preparedQuery("""
                        INSERT INTO customer_order (order_id, customer_id, payer_customer_id, service_type_code,
                            service_type_name, source_type, status, order_type, official_amount,
                            amount_after_discount, create_time, pending_payment_end_time, creation_key, creation_hash)
                        VALUES ($1, $2, $3, $4, $5, 1, 6, 1, $6, $7, $8, $9, $10, $11)
                        ON CONFLICT (creation_key) DO NOTHING RETURNING order_id""")
                .execute(Tuple.from(Arrays.asList(orderId, request.customerId(), request.payerCustomerId(),
                        first.serviceTypeCode(), name(first), Numeric.create(official), Numeric.create(amount), now,
                        now.plus(config.paymentWindow()), request.idempotencyKey(), hash)))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    List<Tuple> lines = new ArrayList<>();
                    List<Tuple> offers = new ArrayList<>();
                    int n = 0;
                    for (PurchaseRequest.Product p : request.products()) {
                        BillingModels.RatedProduct price = prices.get(p.id());
                        String lineId = orderId + "-" + (++n);
                        lines.add(Tuple.from(Arrays.asList(orderId, lineId, resourceIds.get(p.id()),
                                p.mainId() == null ? null : resourceIds.get(p.mainId()), p.serviceTypeCode(), name(p),
                                p.resourceTypeCode(), p.resourceSpecCode(), p.regionCode(), price.productId(),
                                price.specDescZh(), p.resourceName(), p.resourceSize(), p.sizeMeasureId(),
                                p.periodType(), p.periodNum(), p.subscriptionNum() == null ? 1 : p.subscriptionNum(),
                                price.maxPeriodMonths(), Numeric.create(price.officialAmount()),
                                Numeric.create(price.discountAmount()))));
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
                                        official_amount, discount_amount, amount_after_discount)
                                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
                                            $17, $18, $19, $20, $19::numeric - $20::numeric)""")
                            .executeBatch(lines);
                    if (!offers.isEmpty()) {
                        saved = saved.chain(() -> connection.preparedQuery("""
                                        INSERT INTO order_discount_offer (order_id, line_id, discount_id, discount_type,
                                            discount_name, discount_amount) VALUES ($1, $2, $3, $4, $5, $6)""")
                                .executeBatch(offers));
                    }
                    BigDecimal discount = official.subtract(amount);
                    if (discount.signum() > 0) {
                        // the order's discounts as CustomerOrderV2 shows them: billing's best offers
                        saved = saved.chain(() -> connection.preparedQuery("""
                                        INSERT INTO order_discount (order_id, discount_type, discount_amount)
                                        VALUES ($1, '301', $2)""")
                                .execute(Tuple.of(orderId, Numeric.create(discount))));
                    }
                    return saved.replaceWith(new Created(orderId, official, amount,
                            List.copyOf(resourceIds.values())));
                });
    }

    private static String name(PurchaseRequest.Product product) {
        return product.serviceTypeName() != null ? product.serviceTypeName() : product.serviceTypeCode();
    }
}
