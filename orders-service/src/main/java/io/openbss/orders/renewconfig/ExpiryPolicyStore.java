package io.openbss.orders.renewconfig;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.orders.OrderError;
import io.openbss.orders.resources.ExpirePolicy;
import io.openbss.orders.resources.ResourceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscription rows the expiry-policy operations read and change. A main resource's subordinates (a server's
 * disks) always get the main resource's policy.
 */
final class ExpiryPolicyStore {

    static final int GRACE = ExpirePolicy.GRACE.code();
    static final int TO_ON_DEMAND = ExpirePolicy.TO_PAY_PER_USE.code();
    static final int AUTO_RENEW = ExpirePolicy.AUTO_RENEW.code();

    static final int IN_USE = ResourceStatus.IN_USE.code();
    private static final int DELETED = ResourceStatus.DELETED.code();
    private static final int EXPIRED = ResourceStatus.EXPIRED.code();

    private ExpiryPolicyStore() {
    }

    /** A subscription as these operations see it. */
    record Held(String resourceId, String customerId, String mainResourceId, int status, int expirePolicy,
            Integer autoRenewLeft) {

        static Held of(Row row) {
            return new Held(row.getString("resource_id"), row.getString("customer_id"),
                    row.getString("main_resource_id"), row.getInteger("status"), row.getInteger("expire_policy"),
                    row.getInteger("auto_renew_left"));
        }

        boolean isForeignTo(String customerId) {
            return status != DELETED && !this.customerId.equals(customerId);
        }
    }

    /** The resources that exist (deleted ones included), locked until the transaction ends, by id. */
    static Uni<Map<String, Held>> lock(SqlConnection connection, List<String> resourceIds) {
        return connection.preparedQuery("""
                        SELECT resource_id, customer_id, main_resource_id, status, expire_policy, auto_renew_left
                          FROM subscription WHERE resource_id = ANY($1) ORDER BY resource_id FOR UPDATE""")
                .execute(Tuple.of(resourceIds.toArray(String[]::new))).map(rows -> {
                    Map<String, Held> held = new HashMap<>();
                    rows.forEach(row -> held.put(row.getString("resource_id"), Held.of(row)));
                    return held;
                });
    }

    /**
     * Why the caller may not change the expiry policy of this resource, or null when it may. Turning a policy on
     * needs a resource in use or expired in its retention period; turning it off only needs one that exists.
     */
    static BssException refusal(String resourceId, Held held, String callerId, boolean turningOn) {
        if (held == null || held.status() == DELETED) {
            return new BssException(OrderError.RESOURCE_NOT_FOUND, "Resource " + resourceId
                    + " does not exist or has been deleted");
        }
        if (held.isForeignTo(callerId)) {
            return BssException.foreignObject("resource " + resourceId);
        }
        if (held.mainResourceId() != null) {
            return new BssException(OrderError.RENEW_NON_MAIN_RESOURCE, "Resource " + resourceId
                    + " is a subordinate resource; its main resource " + held.mainResourceId() + " decides for it");
        }
        if (turningOn && held.status() != IN_USE && held.status() != EXPIRED) {
            return new BssException(ErrorCode.INVALID_PARAMETER, "Resource " + resourceId
                    + " is frozen; only a resource in use or in its retention period can be set");
        }
        return null;
    }

    /**
     * Sets the policy (and the auto-renewals left) of these main resources and their subordinates that are not
     * deleted; with {@code onlyFrom}, only of those whose policy is that one.
     */
    static Uni<Void> apply(SqlConnection connection, List<String> mainIds, int policy, Integer autoRenewLeft,
            Integer onlyFrom, OffsetDateTime now) {
        if (mainIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        UPDATE subscription SET expire_policy = $2, auto_renew_left = $3::int, update_time = $4
                         WHERE (resource_id = ANY($1) OR main_resource_id = ANY($1)) AND status <> $6
                           AND ($5::int IS NULL OR expire_policy = $5::int)""")
                .execute(Tuple.from(Arrays.asList(mainIds.toArray(String[]::new), policy, autoRenewLeft, now,
                        onlyFrom, DELETED)))
                .replaceWithVoid();
    }
}
