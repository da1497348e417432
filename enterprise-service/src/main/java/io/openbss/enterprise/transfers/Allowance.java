package io.openbss.enterprise.transfers;

import io.openbss.billing.client.BillingModels;
import java.math.BigDecimal;
import java.util.List;

/**
 * What may be moved out of one account: all of the cash, or the credit still available (with the balance and the
 * credit granted, which the API shows for credit). Credit here is one account without expiry.
 */
record Allowance(BigDecimal available, BigDecimal amount, BigDecimal creditAmount) {

    static List<Allowance> of(BillingModels.Funds funds, String balanceType) {
        if (balanceType.equals(BillingModels.CASH)) {
            return List.of(new Allowance(funds.cash().balance(), null, null));
        }
        return funds.credit() == null ? List.of() : List.of(new Allowance(funds.credit().available(),
                funds.credit().available(), funds.credit().creditLimit()));
    }

    /** The page that offset and limit select (the API pages credit accounts). */
    static List<Allowance> page(List<Allowance> allowances, int offset, int limit) {
        return allowances.stream().skip(offset).limit(limit).toList();
    }
}
