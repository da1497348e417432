package io.openbss.billing.accounts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * ShowCustomerExpenditureQuotaResponse of the international SDK. A customer's expenditure quota here is its credit
 * line: what it may spend beyond its cash, granted by the operator or allocated by its enterprise master; the part in
 * use is the credit granted that is no longer available.
 */
public record ExpenditureQuota(BigDecimal grantingAmount,
        BigDecimal grantingAmountUsed,
        BigDecimal percentageGrantingAmountUsed,
        int measureId, String currency) {

    /** From the customer's credit account; a customer without one has a quota of zero. */
    public static ExpenditureQuota of(LedgerAccount credit) {
        if (credit == null) {
            return of(BigDecimal.ZERO, BigDecimal.ZERO);
        }
        return of(credit.creditLimit(), credit.creditLimit().subtract(credit.balance()));
    }

    /** The share used is used / granted to 2 decimals (0.61 for 122 of 200), and 0 when nothing is granted. */
    static ExpenditureQuota of(BigDecimal granted, BigDecimal used) {
        BigDecimal share = granted.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : used.divide(granted, 2, RoundingMode.HALF_UP);
        return new ExpenditureQuota(granted.setScale(2), used.setScale(2), share, 1, "CNY");
    }
}
