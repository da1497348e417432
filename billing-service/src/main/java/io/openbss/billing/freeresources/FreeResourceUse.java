package io.openbss.billing.freeresources;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.catalog.MeasureConverter;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Uses resource packages for pay-per-use usage, inside the rating transaction: the packages of the customer that
 * are in force, for the region, resource type and usage type, soonest to expire first. A monthly quota counts from
 * zero again in each natural month (UTC+8): what it has left in a month is its amount less what used it in that
 * month, so that usage of an earlier month rated late uses that month's quota, not the current one's.
 */
public final class FreeResourceUse {

    private FreeResourceUse() {
    }

    /** Uses packages for {@code usage} (in {@code measureId}); the part they covered, in the same unit. */
    @SuppressWarnings("java:S107")
    public static Uni<BigDecimal> use(SqlConnection connection, String customerId, String resourceId,
            String resourceType, String usageType, String region, int measureId, BigDecimal usage, OffsetDateTime at,
            String tradeId, MeasureConverter converter) {
        if (usage.signum() == 0) {
            return Uni.createFrom().item(BigDecimal.ZERO);
        }
        YearMonth month = YearMonth.from(BssTime.businessDate(at.toInstant()));
        String cycle = month.toString();
        return connection.preparedQuery("""
                        SELECT f.free_resource_id, f.amount, f.used, f.used_cycle, f.measure_id, p.quota_reuse_mode,
                               (SELECT coalesce(sum(u.used_amount), 0) FROM free_resource_usage u
                                 WHERE u.customer_id = $1 AND u.free_resource_id = f.free_resource_id
                                   AND u.deduct_time >= $6 AND u.deduct_time < $7) AS used_in_cycle
                          FROM free_resource f JOIN free_resource_package p ON p.package_id = f.package_id
                         WHERE p.customer_id = $1 AND p.unsubscribed_at IS NULL AND p.effective_time <= $2
                           AND p.expire_time > $2 AND p.region_code = $3 AND f.resource_type_code = $4
                           AND f.usage_type_code = $5
                         ORDER BY p.expire_time, f.free_resource_id FOR UPDATE OF f""")
                .execute(Tuple.from(List.of(customerId, at, region, resourceType, usageType,
                        utc(BssTime.startOf(month.atDay(1))), utc(BssTime.startOf(month.plusMonths(1).atDay(1))))))
                .flatMap(rows -> {
                    List<Row> quotas = new ArrayList<>();
                    rows.forEach(quotas::add);
                    BigDecimal[] left = {usage};
                    return Multi.createFrom().iterable(quotas)
                            .onItem().transformToUniAndConcatenate(quota -> {
                                if (left[0].signum() == 0) {
                                    return Uni.createFrom().voidItem();
                                }
                                // a monthly quota's use in a month is what used it in that month, whenever rated
                                boolean monthly = quota.getShort("quota_reuse_mode") == 1;
                                BigDecimal used = quota.getBigDecimal(monthly ? "used_in_cycle" : "used");
                                String usedCycle = quota.getString("used_cycle");
                                boolean latest = !monthly || usedCycle == null || cycle.compareTo(usedCycle) >= 0;
                                BigDecimal available = quota.getBigDecimal("amount").subtract(used);
                                int quotaMeasure = quota.getInteger("measure_id");
                                BigDecimal availableHere = converter.convert(available, quotaMeasure, measureId)
                                        .orElse(BigDecimal.ZERO).setScale(8, RoundingMode.DOWN);
                                BigDecimal take = left[0].min(availableHere);
                                if (take.signum() <= 0) {
                                    return Uni.createFrom().voidItem();
                                }
                                BigDecimal takeThere = converter.convert(take, measureId, quotaMeasure).orElseThrow()
                                        .setScale(8, RoundingMode.HALF_UP).min(available);
                                left[0] = left[0].subtract(take);
                                // used and used_cycle keep the latest month's use, which the quota views show
                                Uni<?> counted = !latest ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                                                UPDATE free_resource SET used = $2, used_cycle = $3
                                                 WHERE free_resource_id = $1""")
                                        .execute(Tuple.of(quota.getString("free_resource_id"),
                                                Numeric.create(used.add(takeThere)), cycle));
                                return counted
                                        .chain(() -> connection.preparedQuery("""
                                                        INSERT INTO free_resource_usage (free_resource_id, customer_id,
                                                            resource_id, resource_type_code, usage_type_code,
                                                            deduct_time, available_before, used_amount, remaining_after,
                                                            trade_id)
                                                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                                                .execute(Tuple.from(List.of(quota.getString("free_resource_id"),
                                                        customerId, resourceId, resourceType, usageType, at,
                                                        Numeric.create(available), Numeric.create(takeThere),
                                                        Numeric.create(available.subtract(takeThere)), tradeId))))
                                        .replaceWithVoid();
                            })
                            .collect().last()
                            .map(done -> usage.subtract(left[0]));
                });
    }
}
