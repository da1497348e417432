package io.openbss.billing.customers;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;

/**
 * Registers a customer account with billing: it gets a cash account, and a credit account when a credit limit is
 * given. Repeating it changes the name and the credit limit; balances never move through it.
 */
public record CustomerRegistration(String customerName,
        BigDecimal creditLimit) {

    public void validate() {
        if (customerName == null || customerName.isBlank() || customerName.length() > 128) {
            throw BssException.badParameter("customer_name", "is required, at most 128 characters");
        }
        if (creditLimit != null && (creditLimit.signum() < 0 || creditLimit.scale() > 2)) {
            throw BssException.badParameter("credit_limit", "must be >= 0 with at most 2 decimals");
        }
    }
}
