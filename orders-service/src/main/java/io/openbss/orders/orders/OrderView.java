package io.openbss.orders.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.time.BssTime;
import java.math.BigDecimal;
import java.util.List;

/** CustomerOrderV2 of the SDK. */
public record OrderView(@JsonProperty("order_id") String orderId, @JsonProperty("customer_id") String customerId,
        @JsonProperty("service_type_code") String serviceTypeCode,
        @JsonProperty("service_type_name") String serviceTypeName, @JsonProperty("source_type") int sourceType,
        @JsonProperty("status") int status, @JsonProperty("order_type") int orderType,
        @JsonProperty("amount_after_discount") BigDecimal amountAfterDiscount,
        @JsonProperty("official_amount") BigDecimal officialAmount, @JsonProperty("measure_id") int measureId,
        @JsonProperty("create_time") String createTime, @JsonProperty("payment_time") String paymentTime,
        @JsonProperty("currency") String currency, @JsonProperty("contract_id") String contractId,
        @JsonProperty("amount_info") AmountInfo amountInfo,
        @JsonProperty("enterprise_projects") List<EnterpriseProject> enterpriseProjects,
        @JsonProperty("agent_pay_info") AgentPayInfo agentPayInfo) {

    public record AmountInfo(@JsonProperty("discounts") List<Discount> discounts,
            @JsonProperty("flexipurchase_coupon_amount") BigDecimal flexipurchaseCouponAmount,
            @JsonProperty("coupon_amount") BigDecimal couponAmount,
            @JsonProperty("stored_card_amount") BigDecimal storedCardAmount,
            @JsonProperty("commission_amount") BigDecimal commissionAmount,
            @JsonProperty("consumed_amount") BigDecimal consumedAmount) {
    }

    public record Discount(@JsonProperty("discount_type") String discountType,
            @JsonProperty("discount_amount") BigDecimal discountAmount) {
    }

    public record EnterpriseProject(@JsonProperty("id") String id, @JsonProperty("name") String name) {
    }

    public record AgentPayInfo(@JsonProperty("paying_agent_id") String payingAgentId,
            @JsonProperty("is_agent_pay") boolean isAgentPay) {
    }

    public static OrderView of(CustomerOrder order, List<OrderDiscount> discounts) {
        return new OrderView(order.orderId, order.customerId, order.serviceTypeCode, order.serviceTypeName,
                order.sourceType, order.status, order.orderType, order.amountAfterDiscount, order.officialAmount, 1,
                BssTime.formatWire(order.createTime), BssTime.formatWire(order.paymentTime), order.currency,
                order.contractId,
                new AmountInfo(discounts.stream().map(d -> new Discount(d.discountType, d.discountAmount)).toList(),
                        order.flexipurchaseCouponAmount, order.couponAmount, order.storedCardAmount,
                        order.commissionAmount, order.consumedAmount),
                order.enterpriseProjectId == null ? null
                        : List.of(new EnterpriseProject(order.enterpriseProjectId, order.enterpriseProjectName)),
                order.payerCustomerId == null ? null : new AgentPayInfo(order.payerCustomerId, true));
    }
}
