package io.openbss.orders.unsubscriptions;

import static io.openbss.orders.orders.OrderStatus.CANCELLED;
import static io.openbss.orders.orders.OrderStatus.COMPLETED;
import static io.openbss.orders.orders.OrderStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.orders.StateRows;
import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every event of a refund order tried from every status, against the database. The allowed moves are the
 * business's, written out here (a refund order is processing until billing has given the money back, which
 * completes it, or refused to, which cancels it), not read from the state machine. Orders of other types are never
 * moved by them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class RefundOrderTransitionsTest {

    static final Map<String, Map<OrderStatus, OrderStatus>> ALLOWED = Map.of(
            "refunded", Map.of(PROCESSING, COMPLETED),
            "refused", Map.of(PROCESSING, CANCELLED));

    @Inject
    Pool pool;

    @Inject
    RefundOrderTransitions transitions;

    @Test
    void everyEventMovesOnlyFromTheStatusesItLeaves() {
        Map<String, Function<String, Uni<Boolean>>> events = Map.of(
                "refunded", id -> pool.withTransaction(c -> transitions.refunded(c, id, BigDecimal.ZERO,
                        new BigDecimal("90.00"), StateRows.LATER)),
                "refused", id -> transitions.refused(id, StateRows.LATER));
        List<String> wrong = new ArrayList<>();
        for (var event : events.entrySet()) {
            for (OrderType type : List.of(OrderType.UNSUBSCRIPTION, OrderType.NEW_PURCHASE, OrderType.RENEWAL)) {
                for (OrderStatus from : OrderStatus.values()) {
                    String order = StateRows.order(pool, OrderFixtures.newCustomer(), from, type);
                    boolean happened = event.getValue().apply(order).await().indefinitely();
                    OrderStatus expected = type == OrderType.UNSUBSCRIPTION
                            ? ALLOWED.get(event.getKey()).getOrDefault(from, from) : from;
                    int status = StateRows.orderStatus(pool, order);
                    if (status != expected.code() || happened != (expected != from)) {
                        wrong.add(event.getKey() + " of a " + type + " order from " + from + ": status " + status
                                + ", happened " + happened);
                    }
                    StateRows.drop(pool, order);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
