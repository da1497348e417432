package io.openbss.billing.customers;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.billing.accounts.AccountType;
import io.openbss.billing.accounts.LedgerAccount;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a customer can spend or give: its cash balance and, when it has a credit account, the credit still available
 * and the credit granted (V4__instruments.sql). Coupons and cards are listed elsewhere.
 */
public record CustomerFunds(@JsonProperty("customer_id") String customerId, @JsonProperty("currency") String currency,
        @JsonProperty("cash") Cash cash, @JsonProperty("credit") Credit credit) {

    public record Cash(@JsonProperty("balance") BigDecimal balance) {
    }

    public record Credit(@JsonProperty("available") BigDecimal available,
            @JsonProperty("credit_limit") BigDecimal creditLimit) {
    }

    /** From a customer's own accounts; no credit when it has no credit account. */
    public static CustomerFunds of(String customerId, List<LedgerAccount> accounts) {
        Cash cash = new Cash(BigDecimal.ZERO.setScale(2));
        Credit credit = null;
        for (LedgerAccount account : accounts) {
            if (account.accountType == AccountType.CASH) {
                cash = new Cash(account.balance.setScale(2));
            } else if (account.accountType == AccountType.CREDIT) {
                credit = new Credit(account.balance.setScale(2), account.creditLimit.setScale(2));
            }
        }
        return new CustomerFunds(customerId, "CNY", cash, credit);
    }
}
