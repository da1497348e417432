package io.openbss.orders.orders;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Cancels orders waiting for payment: on the customer's request, or once their payment window has closed. Only an
 * order still waiting for payment is cancelled, in the same statement that checks it, so a payment that starts at
 * the same moment (which moves the order to processing) and a cancellation never both succeed.
 */
@ApplicationScoped
public class OrderCancellation {

    private static final Logger LOG = Logger.getLogger(OrderCancellation.class);
    static final int BATCH = 500;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    OrderLookup lookup;

    public Uni<Void> cancel(String callerId, String orderId) {
        return pool.preparedQuery("""
                        UPDATE customer_order SET status = 4
                         WHERE order_id = $1 AND status = 6 AND (customer_id = $2 OR payer_customer_id = $2)
                        RETURNING order_id""")
                .execute(Tuple.of(orderId, callerId))
                .flatMap(rows -> rows.size() > 0 ? Uni.createFrom().voidItem()
                        : lookup.visibleTo(callerId, orderId).map(order -> {
                            throw notPending(orderId, order.getInteger("status"));
                        }));
    }

    private static BssException notPending(String orderId, int status) {
        String state = switch (status) {
            case 3 -> "is being paid";
            case 4 -> "is already cancelled";
            case 5 -> "is paid";
            default -> "is not waiting for payment (status " + status + ")";
        };
        return new BssException(ErrorCode.INVALID_PARAMETER, "Order " + orderId + " " + state
                + "; only an order waiting for payment can be cancelled");
    }

    /** Cancels, batch by batch, the orders still unpaid at the end of their payment window. */
    @Scheduled(every = "${bss.orders.cancel-unpaid.interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> cancelUnpaid() {
        return cancelOverdue(0).invoke(count -> {
            if (count > 0) {
                LOG.infof("cancelled %d orders unpaid at the end of their payment window", count);
            }
        }).replaceWithVoid();
    }

    private Uni<Integer> cancelOverdue(int cancelled) {
        OffsetDateTime now = utc(clock.instant());
        return pool.preparedQuery("""
                        UPDATE customer_order o SET status = 4
                          FROM (SELECT order_id FROM customer_order
                                 WHERE status = 6 AND pending_payment_end_time <= $1
                                 LIMIT $2 FOR UPDATE SKIP LOCKED) due
                         WHERE o.order_id = due.order_id AND o.status = 6
                        RETURNING o.order_id""")
                .execute(Tuple.of(now, BATCH))
                .flatMap(rows -> rows.size() < BATCH ? Uni.createFrom().item(cancelled + rows.size())
                        : cancelOverdue(cancelled + rows.size()));
    }
}
