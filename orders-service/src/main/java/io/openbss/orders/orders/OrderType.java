package io.openbss.orders.orders;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an order does, as CustomerOrderV2 of the SDK codes it. Orders made here are new purchases, renewals and
 * unsubscriptions (refund orders); the others come only with imported orders.
 */
public enum OrderType {
    NEW_PURCHASE(1),
    RENEWAL(2),
    CHANGE(3),
    UNSUBSCRIPTION(4),
    TO_PAY_PER_USE(10),
    TO_YEARLY_MONTHLY(11),
    TRIAL(13),
    TO_COMMERCIAL(14),
    FEE_ADJUSTMENT(15);

    /** Every code of the SDK, for validating what callers send. */
    public static final Set<Integer> CODES = Arrays.stream(values()).map(OrderType::code)
            .collect(Collectors.toUnmodifiableSet());

    private final int code;

    OrderType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static OrderType of(int code) {
        for (OrderType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("no order type " + code);
    }

    /** The codes of these types, to bind as an array parameter ({@code order_type = ANY($n)}). */
    public static Integer[] codes(OrderType... types) {
        return Arrays.stream(types).map(OrderType::code).toArray(Integer[]::new);
    }
}
