package io.openbss.enterprise.subcustomers;

/**
 * Where a sub-account creation stands (the database keeps the names); {@link CreationTransitions} makes every
 * change.
 */
enum CreationStatus {
    /** Recorded before the gateway is asked for the account; the steps after it may not have been made yet. */
    PENDING,
    /** The account exists, is registered with billing and associated with its master. */
    DONE,
    /** The gateway refused the account, or a later step was refused. */
    FAILED
}
