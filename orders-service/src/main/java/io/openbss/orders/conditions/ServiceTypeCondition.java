package io.openbss.orders.conditions;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CallerIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The {@code billing:cloudServiceType} condition of an IAM user's policy, on what an operation touches: the gateway
 * passes the condition's service types in the caller's identity, and an operation on orders or resources checks
 * the service types of the caller's own orders or resources it names, before anything changes (403 CBC.0151).
 * Ids that name nothing of the caller's are left to the operation, which answers them as it always does.
 */
@ApplicationScoped
public class ServiceTypeCondition {

    @Inject
    Pool pool;

    public Uni<Void> onOrders(CallerIdentity caller, Collection<String> orderIds) {
        return check(caller, """
                SELECT DISTINCT service_type_code FROM customer_order
                 WHERE order_id = ANY($1) AND (customer_id = $2 OR payer_customer_id = $2)""", orderIds);
    }

    public Uni<Void> onResources(CallerIdentity caller, Collection<String> resourceIds) {
        return check(caller, """
                SELECT DISTINCT service_type_code FROM subscription
                 WHERE resource_id = ANY($1) AND (customer_id = $2 OR payer_customer_id = $2)""", resourceIds);
    }

    private Uni<Void> check(CallerIdentity caller, String query, Collection<String> ids) {
        if (caller.serviceTypes().isEmpty() || ids == null || ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] named = ids.stream().filter(Objects::nonNull).toArray(String[]::new);
        return pool.preparedQuery(query).execute(Tuple.of(named, caller.customerId())).map(rows -> {
            for (var row : rows) {
                if (!caller.serviceTypes().contains(row.getString(0))) {
                    throw BssException.accessDenied("Access denied: the IAM user's policy (billing:cloudServiceType) "
                            + "does not cover " + row.getString(0));
                }
            }
            return null;
        });
    }

    public Uni<Void> onOrder(CallerIdentity caller, String orderId) {
        return onOrders(caller, orderId == null ? List.of() : List.of(orderId));
    }
}
