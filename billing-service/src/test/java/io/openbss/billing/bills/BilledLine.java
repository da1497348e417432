package io.openbss.billing.bills;

import io.openbss.billing.bills.PaymentModel.Part;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A bill line as the model of a history expects it: what was billed for one resource in one trade (8 decimals),
 * and what paid it, in cents per part (negative for what a refund gave back).
 */
public record BilledLine(String customer, String tradeId, LocalDate billDate, String service, String resourceType,
        String resourceId, int chargingMode, int billType, int periodType, String usageType, BigDecimal usage,
        BigDecimal official, BigDecimal discount, BigDecimal amount, long[] paid, Instant effective, Instant expire) {

    public YearMonth cycle() {
        return YearMonth.from(billDate);
    }

    public long paid(Part part) {
        return paid[part.ordinal()];
    }

    public long paidTotal() {
        long total = 0;
        for (long p : paid) {
            total += p;
        }
        return total;
    }

    /** What the per-resource views sum a line under: the resource and how it was billed. */
    public String resourceKey() {
        return resourceId + " " + service + " " + resourceType + " " + chargingMode + " " + billType + " " + usageType
                + " " + periodType;
    }

    /** A yearly/monthly line is spread over its period by the amortised views; any other stays in its cycle. */
    public boolean spread() {
        return chargingMode == 1 && effective != null && expire != null && expire.isAfter(effective);
    }

    @Override
    public String toString() {
        return tradeId + " " + resourceId + " " + billDate + " type " + billType + " amount " + amount.toPlainString()
                + " paid " + java.util.Arrays.toString(paid);
    }
}
