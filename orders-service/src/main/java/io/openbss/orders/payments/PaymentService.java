package io.openbss.orders.payments;

import io.openbss.billing.client.BillingClient;
import io.openbss.billing.client.BillingModels;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.hash.Sha256;
import io.openbss.common.remote.Refusal;
import io.openbss.common.time.BssTime;
import io.openbss.orders.OrderError;
import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.openbss.orders.orders.PaymentStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Pays orders exactly once. The attempt is recorded (and the order set to processing) before the ledger is charged
 * with the attempt's key; the charge and the provisioning it allows are recorded together. A refusal ends the
 * attempt (nothing was charged) and the order waits for payment again; an unknown outcome leaves the attempt to
 * {@link PaymentReconciler}, which charges again with the same key: the ledger answers the first charge if there
 * was one.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    @Inject
    PaymentStore store;

    @Inject
    PaymentTransitions transitions;

    @Inject
    Provisioning provisioning;

    @Inject
    BillingClient billing;

    @Inject
    Pool pool;

    public Uni<Void> pay(String callerId, PayRequest request) {
        return store.order(request.orderId()).flatMap(order -> {
            if (order == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No order " + request.orderId());
            }
            if (!order.mayBePaidBy(callerId)) {
                throw BssException.foreignObject("order " + request.orderId());
            }
            String discountId = request.discountId();
            String hash = Sha256.hex(order.orderId() + "|" + request.couponIds() + "|" + discountId);
            if (order.status() == OrderStatus.PENDING_PAYMENT && order.lines().isEmpty()) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "Order " + order.orderId()
                        + " has no line items to pay: it was imported as it stood elsewhere");
            }
            return switch (order.status()) {
                case PENDING_PAYMENT -> start(order, request.couponIds(), discountId, hash);
                case COMPLETED -> store.livePayment(order.orderId()).map(paid -> {
                    if (paid != null && paid.requestHash().equals(hash)) {
                        return null;
                    }
                    throw new BssException(ErrorCode.INVALID_PARAMETER, "Order " + order.orderId() + " is paid");
                });
                case PROCESSING -> throw beingPaid(order.orderId());
                case CANCELLED -> throw new BssException(ErrorCode.INVALID_PARAMETER, "Order " + order.orderId()
                        + " is cancelled");
                default -> throw new BssException(ErrorCode.INVALID_PARAMETER, "Order " + order.orderId()
                        + " is not waiting for payment");
            };
        }).replaceWithVoid();
    }

    private Uni<Void> start(OrderToPay order, List<String> couponIds, String discountId, String hash) {
        if (order.paymentEnd() != null && !store.now().isBefore(order.paymentEnd())) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "The payment window of order " + order.orderId()
                    + " has closed");
        }
        return offer(order, discountId).flatMap(offer -> {
            BigDecimal amount = BigDecimal.ZERO;
            Payment draft = new Payment(order.orderId(), 0, PaymentStatus.PENDING, couponIds, discountId, null, hash,
                    null, null);
            for (OrderToPay.Line line : order.lines()) {
                amount = amount.add(line.officialAmount().subtract(draft.discountOf(line, offer)));
            }
            return transitions.start(order.orderId(), couponIds, discountId, amount, hash)
                    // null: the order left "pending payment" meanwhile; answer for the state it is in now
                    .flatMap(payment -> payment == null ? store.order(order.orderId()).map(PaymentService::moved)
                            : attempt(order, payment, offer).onFailure(f -> !(f instanceof BssException))
                                    .transform(f -> {
                                        LOG.warnf("payment of %s left to the reconciler: %s", order.orderId(), f);
                                        return leftToReconciler(order.orderId());
                                    }));
        });
    }

    /** Charges the ledger for an attempt and records what came of it. */
    Uni<Void> attempt(OrderToPay order, Payment payment, Map<String, BigDecimal> offer) {
        return billing.charge(new BillingModels.Charge(payment.ledgerKey(), order.customerId(),
                        order.payerCustomerId(), order.orderId(), payment.couponIds(), lines(order, payment, offer)))
                .flatMap(charged -> pool.withTransaction(connection -> transitions.succeed(connection, payment,
                                JsonObject.mapFrom(charged))
                        .flatMap(first -> first ? provisioning.paid(connection, order, payment, charged, store.now())
                                : Uni.createFrom().voidItem())))
                .onFailure(Refusal.class).recoverWithUni(refusal -> transitions.fail(payment,
                                JsonObject.mapFrom(((Refusal) refusal).body()))
                        .chain(() -> Uni.createFrom().failure(((Refusal) refusal).toBssException())));
    }

    /** The per-line discounts of the offer a payment chose (none for the order's best, or for no discount). */
    Uni<Map<String, BigDecimal>> offer(OrderToPay order, String discountId) {
        if (discountId == null || discountId.equals(PayRequest.NO_DISCOUNT)) {
            return Uni.createFrom().item(Map.of());
        }
        return store.offer(order.orderId(), discountId).invoke(offer -> {
            if (offer.isEmpty()) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "Invalid parameter discount_infos: discount "
                        + discountId + " does not apply to order " + order.orderId());
            }
        });
    }

    private static List<BillingModels.BillLine> lines(OrderToPay order, Payment payment,
            Map<String, BigDecimal> offer) {
        List<BillingModels.BillLine> lines = new ArrayList<>();
        for (OrderToPay.Line line : order.lines()) {
            BigDecimal discount = payment.discountOf(line, offer);
            Provisioning.Period period = Provisioning.period(order, line, payment);
            lines.add(new BillingModels.BillLine(line.serviceTypeCode(), line.resourceTypeCode(), line.regionCode(),
                    line.resourceId(), line.resourceName(), line.productId(), line.productSpecDesc(),
                    order.orderId(), billType(order), 1, line.periodType() == 3 ? 19 : 20,
                    BssTime.formatWire(period.effective()), BssTime.formatWire(period.expire()),
                    line.officialAmount(), discount, line.officialAmount().subtract(discount)));
        }
        return lines;
    }

    /** 1 new purchase, 2 renewal, 8 automatic renewal (the bill types of the SDK's fee records). */
    private static int billType(OrderToPay order) {
        if (order.orderType() == OrderType.NEW_PURCHASE) {
            return 1;
        }
        return order.systemMade() ? 8 : 2;
    }

    /** The answer for an order that stopped waiting for payment while this request looked at it. */
    private static Void moved(OrderToPay order) {
        if (order.status() == OrderStatus.CANCELLED) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "Order " + order.orderId() + " is cancelled");
        }
        // paid or being paid by a concurrent request: asking again answers its result
        throw beingPaid(order.orderId());
    }

    /** Another request is paying the order (a refusal, as for any resource whose order is in progress). */
    static BssException beingPaid(String orderId) {
        return new BssException(OrderError.RESOURCE_ORDER_IN_PROGRESS, "Order " + orderId
                + " has a payment in progress; ask again for its result");
    }

    /**
     * This request's charge had no answer (an outage): the reconciler finishes the payment. For the caller it is an
     * order in progress, as for a second PayOrders while the first is at the ledger: a refusal to ask again later,
     * not a fault.
     */
    static BssException leftToReconciler(String orderId) {
        return beingPaid(orderId);
    }
}
