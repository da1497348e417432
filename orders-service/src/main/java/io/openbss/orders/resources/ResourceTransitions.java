package io.openbss.orders.resources;

import static io.openbss.orders.resources.ResourceStatus.DELETED;
import static io.openbss.orders.resources.ResourceStatus.EXPIRED;
import static io.openbss.orders.resources.ResourceStatus.FROZEN;
import static io.openbss.orders.resources.ResourceStatus.IN_USE;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every status change of a yearly/monthly resource. A paid purchase provisions it in use ({@link #PROVISIONED});
 * at its expiry it is deleted, frozen or enters its retention period as its expire policy says; at the end of that
 * period it is deleted; a paid renewal puts it back in use; unsubscribing deletes it. A deleted resource never
 * changes again. Each transition is guarded by the statuses it leaves and answers how many resources it moved.
 */
@ApplicationScoped
public class ResourceTransitions {

    /** The status a resource is written with. */
    public static final ResourceStatus PROVISIONED = IN_USE;

    /** The statuses a renewal or an unsubscription applies to: any but deleted. */
    private static final Integer[] LIVE = ResourceStatus.codes(IN_USE, FROZEN, EXPIRED);

    /** A paid renewal of one resource: its new expiry and the months it adds. */
    public record Renewal(String resourceId, OffsetDateTime expire, int months) {
    }

    @Inject
    Pool pool;

    /**
     * Renewals paid: in use, frozen or expired → in use, until the new expiry. Answers how many were renewed. The rows
     * are updated in resource id order, the order in which renewals and renewal settings lock them: in an order's
     * order (main resource first) a payment and a renewal of the same resources could each hold the row the other
     * waits for (a deadlock, answered 500, in a fresh-clone .ci/run's hostile suite).
     */
    public Uni<Integer> renew(SqlConnection connection, List<Renewal> renewals, OffsetDateTime now) {
        List<Tuple> rows = new ArrayList<>();
        for (Renewal renewal : renewals.stream().sorted(Comparator.comparing(Renewal::resourceId)).toList()) {
            rows.add(Tuple.of(renewal.resourceId(), renewal.expire(), renewal.months(), now, LIVE, IN_USE.code()));
        }
        return connection.preparedQuery("""
                        UPDATE subscription SET expire_time = $2, bought_months = bought_months + $3, status = $6,
                               retention_end_time = NULL, update_time = $4
                         WHERE resource_id = $1 AND status = ANY($5::int[])""")
                .executeBatch(rows).map(ResourceTransitions::count);
    }

    /**
     * Resources in use whose expiry has come by {@code now}: deleted (to pay-per-use, delete), frozen, or into a
     * retention period of {@code retention} (any other policy). Answers how many expired.
     */
    public Uni<Integer> expire(OffsetDateTime now, Duration retention) {
        return pool.preparedQuery("""
                        UPDATE subscription
                           SET status = CASE WHEN expire_policy = ANY($3::int[]) THEN $6::smallint
                                             WHEN expire_policy = ANY($4::int[]) THEN $7::smallint
                                             ELSE $8::smallint END,
                               retention_end_time = CASE WHEN expire_policy = ANY($3::int[] || $4::int[]) THEN NULL
                                                         ELSE expire_time + make_interval(secs => $2) END,
                               update_time = $1
                         WHERE status = $5 AND expire_time <= $1""")
                .execute(Tuple.tuple().addOffsetDateTime(now).addDouble((double) retention.toSeconds())
                        .addArrayOfInteger(ExpirePolicy.leadingTo(DELETED))
                        .addArrayOfInteger(ExpirePolicy.leadingTo(FROZEN)).addInteger(IN_USE.code())
                        .addInteger(DELETED.code()).addInteger(FROZEN.code()).addInteger(EXPIRED.code()))
                .map(rows -> rows.rowCount());
    }

    /** Expired resources whose retention period ended by {@code now}: expired → deleted. Answers how many. */
    public Uni<Integer> endRetention(OffsetDateTime now) {
        return pool.preparedQuery("""
                        UPDATE subscription SET status = $3, update_time = $1
                         WHERE status = $2 AND retention_end_time <= $1""")
                .execute(Tuple.of(now, EXPIRED.code(), DELETED.code())).map(rows -> rows.rowCount());
    }

    /**
     * Unsubscribed with the resource (type 1): in use, frozen or expired → deleted now, without an expire policy,
     * expiring now (or at once after it took effect, if it had not yet). Answers how many were deleted.
     */
    public Uni<Integer> unsubscribe(SqlConnection connection, String[] resourceIds, OffsetDateTime now) {
        return connection.preparedQuery("""
                        UPDATE subscription SET status = $4, expire_policy = $5, update_time = $2,
                               expire_time = GREATEST(LEAST(expire_time, $2), effective_time + interval '1 second')
                         WHERE resource_id = ANY($1) AND status = ANY($3::int[])""")
                .execute(Tuple.of(resourceIds, now, LIVE, DELETED.code(), ExpirePolicy.GRACE.code()))
                .map(rows -> rows.rowCount());
    }

    private static int count(RowSet<Row> result) {
        int moved = 0;
        for (RowSet<Row> rows = result; rows != null; rows = rows.next()) {
            moved += rows.rowCount();
        }
        return moved;
    }
}
