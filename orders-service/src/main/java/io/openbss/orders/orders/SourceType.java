package io.openbss.orders.orders;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who made an order, as CustomerOrderV2 of the SDK codes it. Orders made here are the customer's, or the system's
 * (auto-renewals).
 */
public enum SourceType {
    CUSTOMER(1),
    AGENT(2),
    CONTRACT(3),
    DISTRIBUTOR(4),
    DELETED_IN_CONSOLE(5),
    SUPPLEMENTARY(6),
    COMPENSATION(7),
    SYSTEM(8);

    /** Every code of the SDK, for validating what callers send. */
    public static final Set<Integer> CODES = Arrays.stream(values()).map(SourceType::code)
            .collect(Collectors.toUnmodifiableSet());

    private final int code;

    SourceType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
