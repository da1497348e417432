package io.openbss.orders;

import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.resources.ResourceStatus;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Orders and resources written straight into the database in any status, for the state-machine tests. Their times
 * lie in 1990, before anything other tests write, so that a time-driven transition run at a 1990 time moves only
 * them.
 */
public final class StateRows {

    public static final OffsetDateTime EFFECTIVE = OffsetDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    public static final OffsetDateTime EXPIRE = EFFECTIVE.plusMonths(1);
    /** A moment after every time these rows carry. */
    public static final OffsetDateTime LATER = EXPIRE.plusDays(1);

    private StateRows() {
    }

    /** An order of the customer in this status, whose payment window closed at {@link #EXPIRE}. */
    public static String order(Pool pool, String customerId, OrderStatus status, OrderType type) {
        String orderId = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        pool.preparedQuery("""
                        INSERT INTO customer_order (order_id, customer_id, service_type_code, service_type_name,
                            source_type, status, order_type, official_amount, amount_after_discount, create_time,
                            pending_payment_end_time)
                        VALUES ($1, $2, 'hws.service.type.ec2', 'ECS', 1, $3, $4, 100, 90, $5, $6)""")
                .execute(Tuple.of(orderId, customerId, status.code(), type.code(), EFFECTIVE, EXPIRE))
                .await().indefinitely();
        return orderId;
    }

    /** A line of the order for the resource. */
    public static void line(Pool pool, String orderId, String resourceId) {
        pool.preparedQuery("""
                        INSERT INTO order_line (order_id, line_id, resource_id, service_type_code, service_type_name,
                            resource_type_code, resource_spec_code, region_code, product_id, product_spec_desc,
                            period_type, period_num, official_amount, amount_after_discount, effective_time,
                            expire_time)
                        VALUES ($1, $1 || '-1', $2, 'hws.service.type.ec2', 'ECS', 'hws.resource.type.vm',
                                's6.large.2.linux', 'cn-north-4', 'p1', 'spec', 2, 1, 100, 100, $3, $4)""")
                .execute(Tuple.of(orderId, resourceId, EFFECTIVE, EXPIRE)).await().indefinitely();
    }

    /**
     * A resource of the order in this status with this expire policy, effective {@link #EFFECTIVE}, expiring
     * {@link #EXPIRE}, and at the end of a retention period at {@link #EXPIRE} whatever its status.
     */
    public static String resource(Pool pool, String orderId, String customerId, ResourceStatus status, int policy) {
        String resourceId = "r" + UUID.randomUUID().toString().replace("-", "");
        pool.preparedQuery("""
                        INSERT INTO subscription (resource_id, customer_id, order_id, service_type_code,
                            service_type_name, resource_type_code, resource_spec_code, region_code, product_id,
                            product_spec_desc, status, effective_time, expire_time, expire_policy, bought_months,
                            max_period_months, retention_end_time, update_time)
                        VALUES ($1, $2, $3, 'hws.service.type.ec2', 'ECS', 'hws.resource.type.vm', 's6.large.2.linux',
                                'cn-north-4', 'p1', 'spec', $4, $5, $6, $7, 1, 36, $6, $5)""")
                .execute(Tuple.tuple().addString(resourceId).addString(customerId).addString(orderId)
                        .addInteger(status.code()).addOffsetDateTime(EFFECTIVE).addOffsetDateTime(EXPIRE)
                        .addInteger(policy))
                .await().indefinitely();
        return resourceId;
    }

    public static int orderStatus(Pool pool, String orderId) {
        return pool.preparedQuery("SELECT status FROM customer_order WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely().iterator().next().getInteger(0);
    }

    public static int resourceStatus(Pool pool, String resourceId) {
        return pool.preparedQuery("SELECT status FROM subscription WHERE resource_id = $1")
                .execute(Tuple.of(resourceId)).await().indefinitely().iterator().next().getInteger(0);
    }

    /** Removes these orders with their lines, payments and resources. */
    public static void drop(Pool pool, String... orderIds) {
        Tuple ids = Tuple.of(Arrays.copyOf(orderIds, orderIds.length, String[].class));
        for (String table : new String[] {"order_payment", "order_line", "subscription", "customer_order"}) {
            pool.preparedQuery("DELETE FROM " + table + " WHERE order_id = ANY($1)").execute(ids)
                    .await().indefinitely();
        }
    }
}
