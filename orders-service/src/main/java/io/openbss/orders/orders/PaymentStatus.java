package io.openbss.orders.orders;

/** Where a payment attempt stands (the database keeps the names); {@link PaymentTransitions} makes every change. */
public enum PaymentStatus {
    /** Recorded before the ledger is charged; its outcome is not known yet. */
    PENDING,
    /** The ledger charged it, and the order was completed in the same transaction. */
    SUCCEEDED,
    /** The ledger refused it: it charged nothing. */
    FAILED
}
