package io.openbss.billing.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** ShowCustomerAccountBalancesResponse of the SDK. */
public record AccountBalancesResponse(@JsonProperty("account_balances") List<AccountBalance> accountBalances,
        @JsonProperty("debt_amount") BigDecimal debtAmount, @JsonProperty("measure_id") int measureId,
        @JsonProperty("currency") String currency) {

    /**
     * AccountBalanceV3: for the credit account, {@code amount} is the credit still available and
     * {@code credit_amount} the credit granted.
     */
    public record AccountBalance(@JsonProperty("account_id") String accountId,
            @JsonProperty("account_type") int accountType, @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("currency") String currency, @JsonProperty("designated_amount") BigDecimal designatedAmount,
            @JsonProperty("credit_amount") BigDecimal creditAmount, @JsonProperty("measure_id") int measureId) {
    }

    /** From a customer's cash, credit and arrears accounts: arrears are the debt amount. */
    public static AccountBalancesResponse of(List<LedgerAccount> accounts) {
        BigDecimal debt = BigDecimal.ZERO.setScale(2);
        List<AccountBalance> balances = new ArrayList<>();
        for (LedgerAccount account : accounts) {
            switch (account.accountType) {
                case DEBT -> debt = account.balance.negate();
                case CASH, CREDIT -> balances.add(new AccountBalance(account.accountId,
                        account.accountType.apiCode(), account.balance, account.currency,
                        BigDecimal.ZERO.setScale(2),
                        account.accountType == AccountType.CREDIT ? account.creditLimit : null, 1));
                default -> {
                }
            }
        }
        return new AccountBalancesResponse(balances, debt, 1, "CNY");
    }
}
