package io.openbss.billing.coupons;

import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import io.openbss.common.request.Paging;
import java.math.BigDecimal;
import java.util.List;

/**
 * Which coupons could pay a pending order: its customer (and the enterprise master paying for it, whose coupons then
 * pay), the services it buys and its amount after discounts.
 */
public record ApplicableCouponsRequest(String customerId,
        String payerCustomerId, String orderId,
        List<String> serviceTypeCodes, BigDecimal amount,
        Integer offset, Integer limit) {

    /** Checks every field; the page asked for. */
    public Paging validate() {
        requiredText("customer_id", customerId, 64);
        optionalText("payer_customer_id", payerCustomerId, 64);
        requiredText("order_id", orderId, 64);
        if (serviceTypeCodes == null || serviceTypeCodes.isEmpty() || serviceTypeCodes.size() > 20) {
            throw BssException.badParameter("service_type_codes", "must hold 1 to 20 service type codes");
        }
        for (int i = 0; i < serviceTypeCodes.size(); i++) {
            requiredText("service_type_codes[" + i + "]", serviceTypeCodes.get(i), 64);
        }
        if (amount == null) {
            throw BssException.badParameter("amount", "is required");
        }
        if (amount.signum() < 0 || amount.scale() > 2) {
            throw BssException.badParameter("amount", "must be >= 0 with at most 2 decimals");
        }
        return Paging.of(offset, limit, 10, 100);
    }

    /** Whose coupons can pay: the payer when one is given, else the customer. */
    public String payer() {
        return payerCustomerId == null || payerCustomerId.isEmpty() ? customerId : payerCustomerId;
    }
}
