package io.openbss.orders.orders;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status of an order, as CustomerOrderV2 of the SDK codes it (the codes are what the database keeps). Orders made
 * here move only between pending payment, processing, completed and cancelled ({@link OrderTransitions},
 * {@code unsubscriptions.RefundOrderTransitions}); the others come only with imported orders.
 */
public enum OrderStatus {
    PENDING_APPROVAL(1),
    PENDING_REFUND(2),
    PROCESSING(3),
    CANCELLED(4),
    COMPLETED(5),
    PENDING_PAYMENT(6),
    PENDING_CONFIRMATION(9),
    PENDING_DELIVERY(10),
    PENDING_RECEIPT(11),
    PENDING_PICKUP(12),
    BEING_REPLACED(13);

    /** Every code of the SDK, for validating what callers send. */
    public static final Set<Integer> CODES = Arrays.stream(values()).map(OrderStatus::code)
            .collect(Collectors.toUnmodifiableSet());

    private final int code;

    OrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OrderStatus of(int code) {
        for (OrderStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("no order status " + code);
    }

    /** The codes of these statuses, to bind as an array parameter ({@code status = ANY($n)}). */
    public static Integer[] codes(OrderStatus... statuses) {
        return Arrays.stream(statuses).map(OrderStatus::code).toArray(Integer[]::new);
    }
}
