package io.openbss.orders.resources;

import java.util.Arrays;

/**
 * The status of a yearly/monthly resource, as OrderInstanceV2 of the SDK codes it (the codes are what the database
 * keeps). {@link ResourceTransitions} makes every change.
 */
public enum ResourceStatus {
    IN_USE(2),
    /** Closed: deleted at expiry or after its retention period, or unsubscribed. Listed only when asked for. */
    DELETED(3),
    FROZEN(4),
    /** Past its expiry, in its retention period: it can still be renewed. */
    EXPIRED(5);

    private final int code;

    ResourceStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ResourceStatus of(int code) {
        for (ResourceStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("no resource status " + code);
    }

    /** The codes of these statuses, to bind as an array parameter ({@code status = ANY($n)}). */
    public static Integer[] codes(ResourceStatus... statuses) {
        return Arrays.stream(statuses).map(ResourceStatus::code).toArray(Integer[]::new);
    }
}
