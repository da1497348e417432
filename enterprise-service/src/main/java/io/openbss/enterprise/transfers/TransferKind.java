package io.openbss.enterprise.transfers;

/** What a transfer moves, and which way: funds or a coupon, from the master to a sub-account or back. */
public enum TransferKind {
    ALLOCATE,
    RECLAIM,
    COUPON_ALLOCATE,
    COUPON_RECLAIM
}
