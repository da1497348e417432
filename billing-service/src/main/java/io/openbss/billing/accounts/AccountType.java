package io.openbss.billing.accounts;

/** Customer account types, with the {@code account_type} code of the BSS API. */
public enum AccountType {
    /** Cash balance (BALANCE_TYPE_DEBIT): never below zero. */
    CASH(1),
    /** Credit (BALANCE_TYPE_CREDIT): may go down to minus its credit limit. */
    CREDIT(2);

    private final int code;

    AccountType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
