package io.openbss.billing.customers;

import io.openbss.billing.accounts.AccountType;
import io.openbss.billing.accounts.LedgerAccount;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a customer can spend or give: its cash balance and, when it has a credit account, the credit still available
 * and the credit granted (V4__instruments.sql). Coupons and cards are listed elsewhere.
 */
public record CustomerFunds(String customerId, String currency,
        Cash cash, Credit credit) {

    public record Cash(BigDecimal balance) {
    }

    public record Credit(BigDecimal available,
            BigDecimal creditLimit) {
    }

    /** From a customer's own accounts; no credit when it has no credit account. */
    public static CustomerFunds of(String customerId, List<LedgerAccount> accounts) {
        Cash cash = new Cash(BigDecimal.ZERO.setScale(2));
        Credit credit = null;
        for (LedgerAccount account : accounts) {
            if (account.accountType() == AccountType.CASH) {
                cash = new Cash(account.balance().setScale(2));
            } else if (account.accountType() == AccountType.CREDIT) {
                credit = new Credit(account.balance().setScale(2), account.creditLimit().setScale(2));
            }
        }
        return new CustomerFunds(customerId, "CNY", cash, credit);
    }
}
