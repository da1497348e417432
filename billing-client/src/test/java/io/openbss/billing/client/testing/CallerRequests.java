package io.openbss.billing.client.testing;

import io.openbss.billing.client.BillingModels;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Requests to billing as its callers build them: the products orders-service prices, the lines it charges. */
final class CallerRequests {

    private CallerRequests() {
    }

    /** A new idempotency key (or id). */
    static String key() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A cloud server of this spec, for {@code periodNum} months (periodType 2) or years (3). */
    static BillingModels.PeriodProduct vm(String id, String spec, int periodType, int periodNum, int quantity) {
        return new BillingModels.PeriodProduct(id, "hws.service.type.ec2", "hws.resource.type.vm", spec,
                "cn-north-4", null, null, periodType, periodNum, quantity);
    }

    /** A month of a disk of this spec, sent without its size. */
    static BillingModels.PeriodProduct diskWithoutSize(String id, String spec) {
        return new BillingModels.PeriodProduct(id, "hws.service.type.ebs", "hws.resource.type.volume", spec,
                "cn-north-4", null, null, 2, 1, 1);
    }

    /** A charge of an order, paid by its customer. */
    static BillingModels.Charge charge(String key, String customer, List<String> coupons,
            BillingModels.BillLine... lines) {
        return new BillingModels.Charge(key, customer, null, "CS" + key, coupons, List.of(lines));
    }

    /** A month of a new purchase, without discount. */
    static BillingModels.BillLine line(String amount) {
        return line(1, 20, amount);
    }

    /** The unused part of a resource given back on unsubscription (a negative amount). */
    static BillingModels.BillLine refundLine(String amount) {
        return line(4, null, amount);
    }

    private static BillingModels.BillLine line(int billType, Integer periodType, String amount) {
        BigDecimal payable = new BigDecimal(amount);
        return new BillingModels.BillLine("hws.service.type.ec2", "hws.resource.type.vm", "cn-north-4",
                "res-" + key(), "vm", "OFFI-vm", "s6.large.2.linux", "CS" + key(), billType, 1, periodType,
                "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z", payable, BigDecimal.ZERO.setScale(2), payable);
    }
}
