package io.openbss.orders.resources;

import java.util.Arrays;

/**
 * What happens to a resource when it expires, as OrderInstanceV2 of the SDK codes it ({@code expire_policy}).
 * Only {@link #AUTO_RENEW} renews it; the rest say where expiry takes it.
 */
public enum ExpirePolicy {
    /** Into its retention period (the SDK's grace period), then deleted: the default. */
    GRACE(0, ResourceStatus.EXPIRED),
    /** Converted to pay-per-use: the yearly/monthly resource is closed. */
    TO_PAY_PER_USE(1, ResourceStatus.DELETED),
    DELETE(2, ResourceStatus.DELETED),
    /** Renewed before it expires (seed 000); one that was not renewed in time enters its retention period. */
    AUTO_RENEW(3, ResourceStatus.EXPIRED),
    FREEZE(4, ResourceStatus.FROZEN),
    /** Deleted from its retention period, so it enters it first. */
    DELETE_FROM_RETENTION(5, ResourceStatus.EXPIRED);

    private final int code;
    private final ResourceStatus atExpiry;

    ExpirePolicy(int code, ResourceStatus atExpiry) {
        this.code = code;
        this.atExpiry = atExpiry;
    }

    public int code() {
        return code;
    }

    /** The status a resource in use has once it expires under this policy. */
    public ResourceStatus atExpiry() {
        return atExpiry;
    }

    /** The codes of the policies that take an expiring resource to {@code status}. */
    static Integer[] leadingTo(ResourceStatus status) {
        return Arrays.stream(values()).filter(p -> p.atExpiry == status).map(ExpirePolicy::code)
                .toArray(Integer[]::new);
    }
}
