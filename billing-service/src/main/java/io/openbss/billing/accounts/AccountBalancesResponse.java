package io.openbss.billing.accounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** ShowCustomerAccountBalancesResponse of the SDK. */
public record AccountBalancesResponse(List<AccountBalance> accountBalances,
        BigDecimal debtAmount, int measureId,
        String currency) {

    /**
     * AccountBalanceV3: for the credit account, {@code amount} is the credit still available and
     * {@code credit_amount} the credit granted.
     */
    public record AccountBalance(String accountId,
            int accountType, BigDecimal amount,
            String currency, BigDecimal designatedAmount,
            BigDecimal creditAmount, int measureId) {
    }

    /** From a customer's cash, credit and arrears accounts: arrears are the debt amount. */
    public static AccountBalancesResponse of(List<LedgerAccount> accounts) {
        BigDecimal debt = BigDecimal.ZERO.setScale(2);
        List<AccountBalance> balances = new ArrayList<>();
        for (LedgerAccount account : accounts) {
            switch (account.accountType()) {
                case DEBT -> debt = account.balance().negate();
                case CASH, CREDIT -> balances.add(new AccountBalance(account.accountId(),
                        account.accountType().apiCode(), account.balance(), account.currency(),
                        BigDecimal.ZERO.setScale(2),
                        account.accountType() == AccountType.CREDIT ? account.creditLimit() : null, 1));
                default -> {
                }
            }
        }
        return new AccountBalancesResponse(balances, debt, 1, "CNY");
    }
}
