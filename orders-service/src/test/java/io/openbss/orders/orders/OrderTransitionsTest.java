package io.openbss.orders.orders;

import static io.openbss.orders.orders.OrderStatus.CANCELLED;
import static io.openbss.orders.orders.OrderStatus.COMPLETED;
import static io.openbss.orders.orders.OrderStatus.PENDING_PAYMENT;
import static io.openbss.orders.orders.OrderStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.orders.StateRows;
import io.openbss.orders.resources.ExpirePolicy;
import io.openbss.orders.resources.ResourceStatus;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every event of a customer order tried from every status, against the database. The allowed moves are the
 * business's, written out here (seeds: an order waiting for payment is paid or cancelled; a payment in progress
 * completes the order, or, refused, leaves it waiting for payment again; an unpaid order is cancelled when its payment
 * window closes or when the resource it renews is deleted), not read from the state machine.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class OrderTransitionsTest {

    static final Map<String, Map<OrderStatus, OrderStatus>> ALLOWED = Map.of(
            "startPayment", Map.of(PENDING_PAYMENT, PROCESSING),
            "refusePayment", Map.of(PROCESSING, PENDING_PAYMENT),
            "complete", Map.of(PROCESSING, COMPLETED),
            "cancel", Map.of(PENDING_PAYMENT, CANCELLED),
            "cancelUnpaid", Map.of(PENDING_PAYMENT, CANCELLED),
            "cancelRenewalsOfDeletedResources", Map.of(PENDING_PAYMENT, CANCELLED));

    static final OrderTransitions.Paid PAID = new OrderTransitions.Paid(new BigDecimal("90.00"), BigDecimal.ZERO,
            BigDecimal.ZERO, new BigDecimal("90.00"));

    @Inject
    Pool pool;

    @Inject
    OrderTransitions transitions;

    /** An event fired at one order of one customer: how many orders it moved. */
    private record Event(String name, BiFunction<String, String, Uni<Integer>> fire) {
    }

    private List<Event> events() {
        return List.of(
                new Event("startPayment", (customer, order) -> pool.preparedQuery(
                                "WITH " + OrderTransitions.START_PAYMENT + " SELECT count(*) FROM started")
                        .execute(Tuple.of(order)).map(rows -> rows.iterator().next().getInteger(0))),
                new Event("refusePayment", (customer, order) -> moved(pool.withTransaction(
                        connection -> transitions.refusePayment(connection, order)))),
                new Event("complete", (customer, order) -> moved(pool.withTransaction(
                        connection -> transitions.complete(connection, order, PAID, StateRows.LATER)))),
                new Event("cancel", (customer, order) -> moved(transitions.cancel(order, customer))),
                new Event("cancelUnpaid", (customer, order) -> transitions.cancelUnpaid(StateRows.LATER, 500)),
                new Event("cancelRenewalsOfDeletedResources",
                        (customer, order) -> transitions.cancelRenewalsOfDeletedResources()));
    }

    @Test
    void everyEventMovesOnlyFromTheStatusesItLeaves() {
        List<String> wrong = new ArrayList<>();
        for (Event event : events()) {
            for (OrderStatus from : OrderStatus.values()) {
                // what other tests left for the time-independent event is moved first, so that it counts ours alone
                transitions.cancelRenewalsOfDeletedResources().await().indefinitely();
                String customer = OrderFixtures.newCustomer();
                // a renewal of a resource deleted meanwhile, so that every event's other conditions hold
                String base = StateRows.order(pool, customer, COMPLETED, OrderType.NEW_PURCHASE);
                String resource = StateRows.resource(pool, base, customer, ResourceStatus.DELETED,
                        ExpirePolicy.GRACE.code());
                String order = StateRows.order(pool, customer, from, OrderType.RENEWAL);
                StateRows.line(pool, order, resource);
                int moved = event.fire().apply(customer, order).await().indefinitely();
                OrderStatus expected = ALLOWED.get(event.name()).getOrDefault(from, from);
                int status = StateRows.orderStatus(pool, order);
                int expectedMoves = expected == from ? 0 : 1;
                if (status != expected.code() || moved != expectedMoves) {
                    wrong.add(event.name() + " from " + from + ": status " + status + ", moved " + moved
                            + " (expected " + expected + ", " + expectedMoves + ")");
                }
                StateRows.drop(pool, order, base);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherCustomerCannotCancelAnOrder() {
        String customer = OrderFixtures.newCustomer();
        String order = StateRows.order(pool, customer, PENDING_PAYMENT, OrderType.NEW_PURCHASE);
        assertThat(transitions.cancel(order, OrderFixtures.newCustomer()).await().indefinitely()).isFalse();
        assertThat(StateRows.orderStatus(pool, order)).isEqualTo(PENDING_PAYMENT.code());
        StateRows.drop(pool, order);
    }

    @Test
    void onlyRenewalsOfDeletedResourcesAreCancelledForThem() {
        String customer = OrderFixtures.newCustomer();
        String base = StateRows.order(pool, customer, COMPLETED, OrderType.NEW_PURCHASE);
        String deleted = StateRows.resource(pool, base, customer, ResourceStatus.DELETED, ExpirePolicy.GRACE.code());
        String inUse = StateRows.resource(pool, base, customer, ResourceStatus.IN_USE, ExpirePolicy.GRACE.code());
        String purchase = StateRows.order(pool, customer, PENDING_PAYMENT, OrderType.NEW_PURCHASE);
        StateRows.line(pool, purchase, deleted);
        String renewalOfInUse = StateRows.order(pool, customer, PENDING_PAYMENT, OrderType.RENEWAL);
        StateRows.line(pool, renewalOfInUse, inUse);
        transitions.cancelRenewalsOfDeletedResources().await().indefinitely();
        assertThat(StateRows.orderStatus(pool, purchase)).isEqualTo(PENDING_PAYMENT.code());
        assertThat(StateRows.orderStatus(pool, renewalOfInUse)).isEqualTo(PENDING_PAYMENT.code());
        StateRows.drop(pool, purchase, renewalOfInUse, base);
    }

    private static Uni<Integer> moved(Uni<Boolean> happened) {
        return happened.map(yes -> yes ? 1 : 0);
    }
}
