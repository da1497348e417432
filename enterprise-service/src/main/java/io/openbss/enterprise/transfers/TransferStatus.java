package io.openbss.enterprise.transfers;

/** Where a transfer stands (the database keeps the names); {@link TransferTransitions} makes every change. */
public enum TransferStatus {
    /** Recorded before the ledger is called; its outcome is not known yet. */
    PENDING,
    /** The ledger made the movement; its answer is given to every repetition of the trans_id. */
    SUCCEEDED,
    /** The ledger refused it, so nothing moved; its refusal is given to every repetition. */
    FAILED
}
