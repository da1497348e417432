package io.openbss.billing.coupons;

import static io.openbss.common.time.BssTime.utc;

import static io.openbss.billing.query.Columns.wire;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cash coupons a customer holds with value left, not reclaimed: those it can give to its sub-accounts, and those
 * it received from its master's coupons. A coupon with value has its own ledger account; discount coupons have none.
 */
@ApplicationScoped
class HeldCoupons {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** Coupons the customer was issued itself, valid now: what it can transfer. */
    Uni<CouponViews.HeldCouponList> transferable(String customerId, Paging paging) {
        OffsetDateTime now = utc(clock.instant());
        SqlQuery query = held(customerId).and("c.source_id IS NULL")
                .and("c.valid_time <= ?", now)
                .and("c.expire_time > ?", now);
        return registered(List.of(customerId)).chain(() -> page(query, paging, false));
    }

    /** Coupons the customer holds that were split from a coupon of {@code fromCustomerId}, not yet expired. */
    Uni<CouponViews.HeldCouponList> received(String customerId, String fromCustomerId, Paging paging) {
        SqlQuery query = held(customerId).and("s.customer_id = ?", fromCustomerId)
                .and("c.expire_time > ?", utc(clock.instant()));
        return registered(List.of(customerId, fromCustomerId)).chain(() -> page(query, paging, true));
    }

    private static SqlQuery held(String customerId) {
        return SqlQuery.sql().and("c.customer_id = ?", customerId)
                .and("c.reclaimed_at IS NULL")
                .and("a.balance > 0");
    }

    private Uni<CouponViews.HeldCouponList> page(SqlQuery query, Paging paging, boolean received) {
        String from = " FROM coupon c JOIN ledger_account a ON a.account_id = c.account_id"
                + " LEFT JOIN coupon s ON s.coupon_id = c.source_id" + query.where();
        Tuple filters = query.tuple();
        return pool.preparedQuery("SELECT c.*, a.balance, s.coupon_id AS source_coupon_id, count(*) OVER () AS total"
                        + from + " ORDER BY c.expire_time, c.coupon_id LIMIT " + query.bind(paging.limit())
                        + " OFFSET " + query.bind(paging.offset()))
                .execute(query.tuple())
                .flatMap(rows -> {
                    List<CouponViews.HeldCoupon> coupons = new ArrayList<>();
                    rows.forEach(row -> coupons.add(coupon(row, received)));
                    if (rows.size() > 0) {
                        return Uni.createFrom().item(new CouponViews.HeldCouponList(
                                rows.iterator().next().getLong("total"), coupons));
                    }
                    // a page past the end still says how many there are
                    return pool.preparedQuery("SELECT count(*) AS n" + from).execute(filters)
                            .map(count -> new CouponViews.HeldCouponList(count.iterator().next().getLong("n"),
                                    coupons));
                });
    }

    private static CouponViews.HeldCoupon coupon(Row row, boolean received) {
        String held = row.getString("coupon_id");
        return new CouponViews.HeldCoupon(received ? row.getString("source_coupon_id") : held,
                received ? held : null, row.getString("plan_name"), row.getBigDecimal("balance").setScale(2)
                .toPlainString(), wire(row, "valid_time"), wire(row, "expire_time"), CouponViews.useLimits(row));
    }

    /** 400 CBC.0101 naming the first of the customers that is not registered with billing. */
    Uni<Void> registered(List<String> customerIds) {
        return pool.preparedQuery("SELECT customer_id FROM customer WHERE customer_id = ANY($1)")
                .execute(Tuple.of(customerIds.toArray(String[]::new)))
                .invoke(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString("customer_id")));
                    customerIds.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
                        throw new BssException(ErrorCode.INVALID_PARAMETER,
                                "Customer " + id + " is not registered with billing");
                    });
                }).replaceWithVoid();
    }
}
