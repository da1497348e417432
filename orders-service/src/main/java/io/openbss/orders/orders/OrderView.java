package io.openbss.orders.orders;

import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.util.List;

/** CustomerOrderV2 of the SDK. */
public record OrderView(String orderId, String customerId,
        String serviceTypeCode,
        String serviceTypeName, int sourceType,
        int status, int orderType,
        BigDecimal amountAfterDiscount,
        BigDecimal officialAmount, int measureId,
        String createTime, String paymentTime,
        String currency, String contractId,
        AmountInfo amountInfo,
        List<EnterpriseProject> enterpriseProjects,
        AgentPayInfo agentPayInfo) {

    public record AmountInfo(List<Discount> discounts,
            BigDecimal flexipurchaseCouponAmount,
            BigDecimal couponAmount,
            BigDecimal storedCardAmount,
            BigDecimal commissionAmount,
            BigDecimal consumedAmount) {
    }

    public record Discount(String discountType,
            BigDecimal discountAmount) {
    }

    public record EnterpriseProject(String id, String name) {
    }

    public record AgentPayInfo(String payingAgentId,
            boolean isAgentPay) {
    }

    public static OrderView of(CustomerOrder order, List<OrderDiscount> discounts) {
        return new OrderView(order.orderId, order.customerId, order.serviceTypeCode, order.serviceTypeName,
                order.sourceType, order.status, order.orderType, order.amountAfterDiscount, order.officialAmount, 1,
                BssTime.formatWire(order.createTime), BssTime.formatWire(order.paymentTime), order.currency,
                order.contractId,
                new AmountInfo(discounts.stream().map(d -> new Discount(d.discountType(), d.discountAmount())).toList(),
                        order.flexipurchaseCouponAmount, order.couponAmount, order.storedCardAmount,
                        order.commissionAmount, order.consumedAmount),
                order.enterpriseProjectId == null ? null
                        : List.of(new EnterpriseProject(order.enterpriseProjectId, order.enterpriseProjectName)),
                order.payerCustomerId == null ? null : new AgentPayInfo(order.payerCustomerId, true));
    }
}
