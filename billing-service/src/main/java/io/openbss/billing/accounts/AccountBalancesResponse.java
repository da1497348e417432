package io.openbss.billing.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** ShowCustomerAccountBalancesResponse of the SDK. */
public record AccountBalancesResponse(@JsonProperty("account_balances") List<AccountBalance> accountBalances,
        @JsonProperty("debt_amount") BigDecimal debtAmount, @JsonProperty("measure_id") int measureId,
        @JsonProperty("currency") String currency) {

    /** AccountBalanceV3: for a credit account, {@code amount} is the unused credit and {@code credit_amount} the limit. */
    public record AccountBalance(@JsonProperty("account_id") String accountId,
            @JsonProperty("account_type") int accountType, @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("currency") String currency, @JsonProperty("designated_amount") BigDecimal designatedAmount,
            @JsonProperty("credit_amount") BigDecimal creditAmount, @JsonProperty("measure_id") int measureId) {
    }

    public static AccountBalancesResponse of(List<LedgerAccount> accounts) {
        BigDecimal debt = BigDecimal.ZERO.setScale(2);
        List<AccountBalance> balances = accounts.stream().map(account -> new AccountBalance(account.accountId,
                account.accountType.code(), account.available(), account.currency, BigDecimal.ZERO.setScale(2),
                account.accountType == AccountType.CREDIT ? account.creditLimit : null, 1)).toList();
        for (LedgerAccount account : accounts) {
            if (account.accountType == AccountType.CREDIT && account.balance.signum() < 0) {
                debt = debt.add(account.balance.negate());
            }
        }
        return new AccountBalancesResponse(balances, debt, 1, "CNY");
    }
}
