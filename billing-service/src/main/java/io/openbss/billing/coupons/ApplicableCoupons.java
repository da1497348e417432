package io.openbss.billing.coupons;

import io.openbss.billing.ledger.CouponApplicability;
import static io.openbss.common.time.BssTime.utc;

import static io.openbss.billing.query.Columns.wire;

import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The coupons that could pay a pending order now: the payer's coupons that {@link CouponApplicability} lets pay it,
 * soonest to expire first, with how many of each type one payment may use.
 */
@ApplicationScoped
class ApplicableCoupons {

    /** CouponInfoV2: every coupon listed is usable (2), in yuan (1), of the new version (2), a cloud service coupon (0). */
    private static final int USABLE = 2;
    private static final int YUAN = 1;
    private static final int NEW_VERSION = 2;
    private static final int CLOUD_SERVICE_GROUP = 0;

    static final List<CouponViews.MaxUseQuantity> MAX_USE = CouponApplicability.MAX_PER_PAYMENT.entrySet().stream()
            .map(max -> new CouponViews.MaxUseQuantity(max.getKey(), CLOUD_SERVICE_GROUP, max.getValue())).toList();

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    HeldCoupons held;

    Uni<CouponViews.ApplicableCouponList> list(ApplicableCouponsRequest request, Paging paging) {
        SqlQuery query = SqlQuery.sql();
        query.and(CouponApplicability.of(query, new CouponApplicability.Order(request.payer(),
                request.serviceTypeCodes(), request.amount(), utc(clock.instant()))).condition());
        String from = " FROM " + CouponApplicability.FROM + query.where();
        Tuple filters = query.tuple();
        List<String> customers = request.payer().equals(request.customerId()) ? List.of(request.customerId())
                : List.of(request.customerId(), request.payer());
        return held.registered(customers)
                .chain(() -> pool.preparedQuery("SELECT c.*, a.balance, count(*) OVER () AS total" + from
                                + " ORDER BY c.expire_time, c.coupon_id LIMIT " + query.bind(paging.limit())
                                + " OFFSET " + query.bind(paging.offset()))
                        .execute(query.tuple()))
                .flatMap(rows -> {
                    List<CouponViews.CouponInfo> coupons = new ArrayList<>();
                    rows.forEach(row -> coupons.add(coupon(row)));
                    if (rows.size() > 0) {
                        return Uni.createFrom().item(new CouponViews.ApplicableCouponList(
                                rows.iterator().next().getLong("total"), coupons, MAX_USE));
                    }
                    // a page past the end still says how many there are
                    return pool.preparedQuery("SELECT count(*) AS n" + from).execute(filters)
                            .map(count -> new CouponViews.ApplicableCouponList(count.iterator().next().getLong("n"),
                                    coupons, MAX_USE));
                });
    }

    private static CouponViews.CouponInfo coupon(Row row) {
        BigDecimal balance = row.getBigDecimal("balance");
        return new CouponViews.CouponInfo(row.getString("coupon_id"), row.getString("coupon_code"), USABLE,
                row.getShort("coupon_type"), YUAN, row.getBigDecimal("face_value"), wire(row, "valid_time"),
                wire(row, "expire_time"), row.getString("plan_name"), row.getString("plan_desc"),
                CouponViews.useLimits(row), balance == null ? null : balance.setScale(2), wire(row, "created_at"),
                NEW_VERSION, CLOUD_SERVICE_GROUP);
    }
}
