package io.openbss.orders.orders;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Cancels orders waiting for payment: on the customer's request, or once their payment window has closed. Only an
 * order still waiting for payment is cancelled ({@link OrderTransitions}), in the same statement that checks it, so
 * a payment that starts at the same moment (which moves the order to processing) and a cancellation never both
 * succeed.
 */
@ApplicationScoped
public class OrderCancellation {

    private static final Logger LOG = Logger.getLogger(OrderCancellation.class);
    static final int BATCH = 500;

    @Inject
    OrderTransitions transitions;

    @Inject
    Clock clock;

    @Inject
    OrderLookup lookup;

    public Uni<Void> cancel(String callerId, String orderId) {
        return transitions.cancel(orderId, callerId)
                .flatMap(cancelled -> cancelled ? Uni.createFrom().voidItem()
                        : lookup.visibleTo(callerId, orderId).map(order -> {
                            throw notPending(orderId, order.getInteger("status"));
                        }));
    }

    private static BssException notPending(String orderId, int status) {
        String state = switch (OrderStatus.of(status)) {
            case PROCESSING -> "is being paid";
            case CANCELLED -> "is already cancelled";
            case COMPLETED -> "is paid";
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
        return transitions.cancelUnpaid(utc(clock.instant()), BATCH)
                .flatMap(count -> count < BATCH ? Uni.createFrom().item(cancelled + count)
                        : cancelOverdue(cancelled + count));
    }
}
