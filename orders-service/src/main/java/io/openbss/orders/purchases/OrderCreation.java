package io.openbss.orders.purchases;

import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.openbss.billing.client.RatedItems;
import io.openbss.common.error.BssException;
import io.openbss.common.remote.RemoteErrors;
import io.openbss.common.request.RequestParameters;
import io.openbss.orders.OrdersConfig;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.orders.OrderWriter;
import io.openbss.orders.orders.SourceType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

    private static final String RESOURCE_TYPE_PREFIX = "hws.resource.type.";

    @Inject
    Pool pool;

    @Inject
    BillingClient billing;

    @Inject
    Clock clock;

    @Inject
    OrdersConfig config;

    @Inject
    OrderWriter writer;

    public Uni<Created> create(PurchaseRequest request) {
        String hash = request.contentHash();
        return existing(request.idempotencyKey(), hash).onItem().ifNull().switchTo(() -> billing.ratePeriod(
                        new BillingModels.PeriodRating(request.customerId(), request.products().stream()
                                .map(p -> new BillingModels.PeriodProduct(p.id(), p.serviceTypeCode(),
                                        p.resourceTypeCode(), p.resourceSpecCode(), p.regionCode(), p.resourceSize(),
                                        p.sizeMeasureId(), p.periodType(), p.periodNum(),
                                        p.subscriptionNum() == null ? 1 : p.subscriptionNum())).toList()))
                .onFailure().transform(failure -> RatedItems.named(failure, request.products().size(),
                        i -> "products[" + i + "]"))
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
        Map<String, BillingModels.RatedProduct> prices = new HashMap<>();
        rated.items().forEach(item -> prices.put(item.id(), item));
        Map<String, String> resourceIds = new LinkedHashMap<>();
        request.products().forEach(p -> resourceIds.put(p.id(), p.resourceId() != null ? p.resourceId()
                : UUID.randomUUID().toString().replace("-", "")));
        List<OrderWriter.Line> lines = request.products().stream().map(p -> new OrderWriter.Line(
                resourceIds.get(p.id()), p.mainId() == null ? null : resourceIds.get(p.mainId()), p.serviceTypeCode(),
                name(p), p.resourceTypeCode(), p.resourceSpecCode(), p.regionCode(),
                resourceName(p, resourceIds.get(p.id())), p.projects(), p.resourceSize(), p.sizeMeasureId(),
                p.periodType(), p.periodNum(), p.subscriptionNum() == null ? 1 : p.subscriptionNum(), null, null,
                prices.get(p.id()))).toList();
        Instant now = clock.instant();
        return writer.write(connection, new OrderWriter.Draft(request.customerId(), request.payerCustomerId(),
                        OrderType.NEW_PURCHASE, SourceType.CUSTOMER.code(), request.idempotencyKey(), hash, lines), now,
                        now.plus(config.paymentWindow()))
                .map(orderId -> orderId == null ? null : new Created(orderId, rated.items().stream()
                        .map(BillingModels.RatedProduct::officialAmount).reduce(BigDecimal.ZERO, BigDecimal::add),
                        rated.items().stream().map(BillingModels.RatedProduct::amount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add), List.copyOf(resourceIds.values())));
    }

    private static String name(PurchaseRequest.Product product) {
        return product.serviceTypeName() != null ? product.serviceTypeName() : product.serviceTypeCode();
    }

    /**
     * The name given, or the kind of name a cloud console gives a resource created without one: its resource type
     * without the {@code hws.resource.type.} prefix, dots as dashes, a dash and a short id, the first 8 letters and
     * digits of its resource id ({@code hws.resource.type.volume} → {@code volume-3f2a9c1b},
     * {@code hws.resource.type.rds.vm} → {@code rds-vm-...}). Taken from the resource id rather than drawn at random,
     * it tells the customer's resources apart and leads back to the resource. The line keeps it, so the resource is
     * provisioned with it.
     */
    private static String resourceName(PurchaseRequest.Product product, String resourceId) {
        if (RequestParameters.isGiven(product.resourceName())) {
            return product.resourceName();
        }
        String type = product.resourceTypeCode();
        if (type.startsWith(RESOURCE_TYPE_PREFIX) && type.length() > RESOURCE_TYPE_PREFIX.length()) {
            type = type.substring(RESOURCE_TYPE_PREFIX.length());
        }
        String shortId = resourceId.replaceAll("[^A-Za-z0-9]", "");
        return type.replace('.', '-') + "-" + shortId.substring(0, Math.min(8, shortId.length()));
    }
}
