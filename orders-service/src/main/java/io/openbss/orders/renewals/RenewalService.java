package io.openbss.orders.renewals;

import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.remote.RemoteErrors;
import io.openbss.common.time.BssTime;
import io.openbss.orders.OrderError;
import io.openbss.orders.OrdersConfig;
import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.orders.OrderWriter;
import io.openbss.orders.payments.AutomaticPayment;
import io.openbss.orders.resources.ResourceStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renews main resources with their subordinates: prices the period with billing, refuses what cannot be renewed
 * (a subordinate alone, a resource in an unpaid or in-progress order, a deleted one, more than the maximum period),
 * writes one renewal order per main resource (from its current expiry) and, when asked, pays it at once with the
 * discounts and coupons automatic payment uses.
 */
@ApplicationScoped
public class RenewalService {

    /** The orders made, and the resources whose automatic payment failed (FailResourceInfo of the SDK). */
    public record Result(List<String> orderIds, List<Failure> failures) {
    }

    public record Failure(String errorCode, String errorMsg, String resourceId) {
    }

    /** What a renewal costs, per main resource (with its subordinates) and in total, with billing's offers. */
    public record Quote(Map<String, BillingModels.RatedProducts> byResource) {
    }

    @Inject
    Pool pool;

    @Inject
    BillingClient billing;

    @Inject
    OrderWriter writer;

    @Inject
    AutomaticPayment payments;

    @Inject
    Clock clock;

    @Inject
    OrdersConfig config;

    public Uni<Quote> quote(String callerId, RenewalRequest request) {
        return pool.withConnection(connection -> load(connection, callerId, request.resourceIds(), false))
                .flatMap(renewables -> Multi.createFrom().iterable(renewables)
                        .onItem().transformToUniAndConcatenate(r -> price(r, request.periodType(), request.periodNum())
                                .map(price -> Map.entry(r.main().resourceId(), price)))
                        .collect().asList())
                .map(prices -> {
                    Map<String, BillingModels.RatedProducts> byResource = new LinkedHashMap<>();
                    prices.forEach(e -> byResource.put(e.getKey(), e.getValue()));
                    return new Quote(byResource);
                });
    }

    /** Renews on a customer's request ({@code sourceType} 1) or by auto-renewal (8, made by the platform). */
    public Uni<Result> renew(String callerId, RenewalRequest request, int sourceType) {
        // checked here to refuse early; checked again under the rows' locks when each order is written
        return pool.withConnection(connection -> load(connection, callerId, request.resourceIds(), false))
                .flatMap(renewables -> Multi.createFrom().iterable(renewables)
                        .onItem().transformToUniAndConcatenate(r -> price(r, request.periodType(),
                                        request.periodNum())
                                .flatMap(price -> pool.withTransaction(connection ->
                                        write(connection, callerId, r, request, price, sourceType))))
                        .collect().asList())
                .flatMap(orderIds -> {
                    if (!request.autoPay()) {
                        return Uni.createFrom().item(new Result(orderIds, List.of()));
                    }
                    return payAll(callerId, request.resourceIds(), orderIds);
                });
    }

    private Uni<Result> payAll(String callerId, List<String> resourceIds, List<String> orderIds) {
        List<Failure> failures = new ArrayList<>();
        List<Uni<Void>> paid = new ArrayList<>();
        for (int i = 0; i < orderIds.size(); i++) {
            String resourceId = resourceIds.get(i);
            paid.add(payments.pay(callerId, orderIds.get(i)).onFailure(BssException.class)
                    .recoverWithItem(e -> {
                        failures.add(new Failure(OrderError.AUTO_PAY_FAILED.code(),
                                "Automatic payment failed: " + ((BssException) e).code() + " " + e.getMessage()
                                        + "; the renewal order waits for payment", resourceId));
                        return null;
                    }));
        }
        return Multi.createFrom().iterable(paid).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                .map(done -> new Result(orderIds, List.copyOf(failures)));
    }

    /**
     * The caller's main resources with their subordinates; refuses deleted, foreign and subordinate ones, and those in
     * an order waiting for payment or being paid. With {@code lock}, in the caller's transaction, it holds their rows.
     */
    public Uni<List<Renewable>> load(SqlConnection connection, String callerId, List<String> ids, boolean lock) {
        return connection.preparedQuery("""
                        SELECT * FROM subscription WHERE resource_id = ANY($1) OR main_resource_id = ANY($1)
                         ORDER BY resource_id""" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(ids.toArray(String[]::new))).flatMap(rows -> {
                    Map<String, Renewable.Resource> byId = new HashMap<>();
                    Map<String, List<Renewable.Resource>> subordinates = new HashMap<>();
                    for (Row row : rows) {
                        Renewable.Resource resource = Renewable.Resource.of(row);
                        byId.put(resource.resourceId(), resource);
                        if (resource.mainResourceId() != null && resource.status() != ResourceStatus.DELETED.code()) {
                            subordinates.computeIfAbsent(resource.mainResourceId(), k -> new ArrayList<>())
                                    .add(resource);
                        }
                    }
                    List<Renewable> renewables = new ArrayList<>();
                    for (String id : ids) {
                        Renewable.Resource resource = byId.get(id);
                        if (resource == null || resource.status() == ResourceStatus.DELETED.code()) {
                            throw new BssException(OrderError.RESOURCE_NOT_FOUND, "Resource " + id
                                    + " does not exist or was deleted");
                        }
                        if (!resource.customerId().equals(callerId)) {
                            throw BssException.foreignObject("resource " + id);
                        }
                        if (resource.mainResourceId() != null) {
                            throw new BssException(OrderError.RENEW_NON_MAIN_RESOURCE, "Resource " + id
                                    + " is subordinate to " + resource.mainResourceId() + ": renew its main resource");
                        }
                        renewables.add(new Renewable(resource, subordinates.getOrDefault(id, List.of())));
                    }
                    return openOrders(connection, renewables).replaceWith(renewables);
                });
    }

    private Uni<Void> openOrders(SqlConnection connection, List<Renewable> renewables) {
        String[] ids = renewables.stream().flatMap(r -> r.all().stream()).map(Renewable.Resource::resourceId)
                .toArray(String[]::new);
        return connection.preparedQuery("""
                        SELECT l.resource_id, o.order_id, o.status FROM order_line l
                          JOIN customer_order o ON o.order_id = l.order_id
                         WHERE l.resource_id = ANY($1) AND o.status = ANY($2::int[]) LIMIT 1""")
                .execute(Tuple.of(ids, OrderStatus.codes(OrderStatus.PROCESSING, OrderStatus.PENDING_PAYMENT)))
                .invoke(rows -> {
                    if (rows.size() > 0) {
                        Row open = rows.iterator().next();
                        boolean unpaid = open.getInteger("status") == OrderStatus.PENDING_PAYMENT.code();
                        throw new BssException(unpaid ? OrderError.RESOURCE_PENDING_PAYMENT
                                : OrderError.RESOURCE_ORDER_IN_PROGRESS, "Resource " + open.getString("resource_id")
                                + " is in order " + open.getString("order_id")
                                + (unpaid ? ", which waits for payment" : ", which is in progress"));
                    }
                }).replaceWithVoid();
    }

    Uni<BillingModels.RatedProducts> price(Renewable renewable, int periodType, int periodNum) {
        return billing.ratePeriod(new BillingModels.PeriodRating(renewable.main().customerId(), renewable.all()
                        .stream().map(r -> new BillingModels.PeriodProduct(r.resourceId(), r.serviceTypeCode(),
                                r.resourceTypeCode(), r.resourceSpecCode(), r.regionCode(), r.resourceSize(),
                                r.sizeMeasureId(), periodType, periodNum, 1)).toList()))
                .onFailure().transform(RemoteErrors::answer);
    }

    /** Checks again under the rows' locks, then writes the renewal order; its id. */
    private Uni<String> write(SqlConnection connection, String callerId, Renewable renewable, RenewalRequest request,
            BillingModels.RatedProducts price, int sourceType) {
        return load(connection, callerId, List.of(renewable.main().resourceId()), true).flatMap(locked -> {
            Renewable current = locked.get(0);
            int months = request.months();
            Map<String, BillingModels.RatedProduct> prices = new HashMap<>();
            price.items().forEach(item -> prices.put(item.id(), item));
            List<OrderWriter.Line> lines = new ArrayList<>();
            for (Renewable.Resource r : current.all()) {
                BillingModels.RatedProduct rated = prices.get(r.resourceId());
                if (rated == null) {
                    throw new BssException(ErrorCode.INTERNAL, "Resource " + r.resourceId() + " changed while it was "
                            + "priced; try again");
                }
                if (r.boughtMonths() + months > rated.maxPeriodMonths()) {
                    throw new BssException(OrderError.PERIOD_EXCEEDS_MAXIMUM, "Resource " + r.resourceId() + " was "
                            + "bought for " + r.boughtMonths() + " months; renewing " + months + " more exceeds the "
                            + "maximum of " + rated.maxPeriodMonths());
                }
                Instant expire = r.expireTime().atZone(BssTime.BUSINESS_ZONE).plusMonths(months).toInstant();
                lines.add(new OrderWriter.Line(r.resourceId(), r.mainResourceId(), r.serviceTypeCode(),
                        r.serviceTypeName(), r.resourceTypeCode(), r.resourceSpecCode(), r.regionCode(),
                        r.resourceName(), r.projects(), r.resourceSize(), r.sizeMeasureId(), request.periodType(),
                        request.periodNum(), 1, r.expireTime(), expire, rated));
            }
            Instant now = clock.instant();
            return writer.write(connection, new OrderWriter.Draft(current.main().customerId(),
                    current.main().payerCustomerId(), OrderType.RENEWAL, sourceType, null, null, lines), now,
                    now.plus(config.paymentWindow()));
        });
    }
}
