package io.openbss.orders.payments;

import io.openbss.orders.orders.PaymentStatus;
import static io.openbss.orders.orders.PaymentStatus.FAILED;
import static io.openbss.orders.orders.PaymentStatus.PENDING;
import static io.openbss.orders.orders.PaymentStatus.SUCCEEDED;
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
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every event of a payment attempt tried from every status, and the start of a payment from every order status,
 * against the database. The allowed moves are the business's, written out here (only an order waiting for payment
 * starts being paid; an attempt is finished once, with the ledger's answer; a refused one leaves its order waiting
 * for payment again), not read from the state machine.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class PaymentTransitionsTest {

    static final Map<String, Map<PaymentStatus, PaymentStatus>> ALLOWED = Map.of(
            "succeed", Map.of(PENDING, SUCCEEDED),
            "fail", Map.of(PENDING, FAILED));

    @Inject
    Pool pool;

    @Inject
    PaymentTransitions transitions;

    @Test
    void onlyAnOrderWaitingForPaymentStartsBeingPaid() {
        List<String> wrong = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            String order = StateRows.order(pool, OrderFixtures.newCustomer(), from, OrderType.NEW_PURCHASE);
            Payment started = transitions.start(order, List.of(), null, new BigDecimal("90.00"), "h")
                    .await().indefinitely();
            boolean allowed = from == OrderStatus.PENDING_PAYMENT;
            int status = StateRows.orderStatus(pool, order);
            int expected = allowed ? OrderStatus.PROCESSING.code() : from.code();
            if ((started != null) != allowed || status != expected
                    || (started != null && started.status() != PENDING)) {
                wrong.add("start from " + from + ": order " + status + ", attempt " + started);
            }
            StateRows.drop(pool, order);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEventMovesOnlyFromTheStatusesItLeaves() {
        List<String> wrong = new ArrayList<>();
        for (String event : List.of("succeed", "fail")) {
            for (PaymentStatus from : PaymentStatus.values()) {
                String order = StateRows.order(pool, OrderFixtures.newCustomer(), OrderStatus.PROCESSING,
                        OrderType.NEW_PURCHASE);
                Payment payment = attempt(order, from);
                JsonObject answer = new JsonObject().put("answer", event);
                boolean happened = event.equals("succeed")
                        ? pool.withTransaction(c -> transitions.succeed(c, payment, answer)).await().indefinitely()
                        : transitions.fail(payment, answer).await().indefinitely();
                PaymentStatus expected = ALLOWED.get(event).getOrDefault(from, from);
                PaymentStatus status = status(order);
                // a refusal gives the order back to its customer to pay; success leaves completing it to provisioning
                int expectedOrder = event.equals("fail") && expected != from ? OrderStatus.PENDING_PAYMENT.code()
                        : OrderStatus.PROCESSING.code();
                if (status != expected || happened != (expected != from)
                        || StateRows.orderStatus(pool, order) != expectedOrder) {
                    wrong.add(event + " from " + from + ": " + status + ", happened " + happened + ", order "
                            + StateRows.orderStatus(pool, order));
                }
                StateRows.drop(pool, order);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Payment attempt(String orderId, PaymentStatus status) {
        return Payment.of(pool.preparedQuery("""
                        INSERT INTO order_payment (order_id, attempt, status, coupon_ids, amount, request_hash,
                            next_attempt_at, created_at, finished_at, result)
                        VALUES ($1, 1, $2, '{}', 90, 'h', now(), now(),
                                CASE WHEN $2 = 'PENDING' THEN NULL ELSE now() END,
                                CASE WHEN $2 = 'PENDING' THEN NULL ELSE '{}'::jsonb END)
                        RETURNING *""")
                .execute(Tuple.of(orderId, status.name())).await().indefinitely().iterator().next());
    }

    private PaymentStatus status(String orderId) {
        return PaymentStatus.valueOf(pool.preparedQuery("SELECT status FROM order_payment WHERE order_id = $1")
                .execute(Tuple.of(orderId)).await().indefinitely().iterator().next().getString(0));
    }
}
