package io.openbss.billing.accounts;

/** The kinds of customer accounts in the ledger (V4__instruments.sql). */
public enum AccountType {
    /** Cash balance (BALANCE_TYPE_DEBIT, account_type 1). */
    CASH,
    /** Credit still available (BALANCE_TYPE_CREDIT, account_type 2); the limit is the credit granted. */
    CREDIT,
    /** Arrears, never above zero. */
    DEBT,
    /** The remaining value of one cash coupon. */
    COUPON,
    /** The remaining value of one stored-value card. */
    CARD;

    /** The {@code account_type} code of ShowCustomerAccountBalances. */
    public int apiCode() {
        return this == CREDIT ? 2 : 1;
    }
}
