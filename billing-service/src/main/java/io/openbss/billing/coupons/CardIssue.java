package io.openbss.billing.coupons;

import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;
import java.time.Instant;

/** An operator sells (issues) a stored-value card to a customer. */
public record CardIssue(String idempotencyKey,
        String customerId, String cardName,
        BigDecimal faceValue, String effectiveTime,
        String expireTime) {

    public void validate() {
        requiredText("idempotency_key", idempotencyKey, 128);
        requiredText("customer_id", customerId, 64);
        requiredText("card_name", cardName, 128);
        if (faceValue == null || faceValue.signum() <= 0 || faceValue.scale() > 2) {
            throw BssException.badParameter("face_value", "must be > 0 with at most 2 decimals");
        }
        Instant from = optionalInstant("effective_time", requiredText("effective_time", effectiveTime, 20));
        Instant to = optionalInstant("expire_time", requiredText("expire_time", expireTime, 20));
        if (!to.isAfter(from)) {
            throw BssException.badParameter("expire_time", "must be after effective_time");
        }
    }
}
