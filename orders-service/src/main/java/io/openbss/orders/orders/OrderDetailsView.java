package io.openbss.orders.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** ShowCustomerOrderDetailsResponse of the SDK: an order and one page of its line items. */
public record OrderDetailsView(@JsonProperty("total_count") long totalCount,
        @JsonProperty("order_info") OrderInfo orderInfo,
        @JsonProperty("order_line_items") List<LineItem> orderLineItems) {

    /** CustomerOrderV3 of the SDK. */
    public record OrderInfo(@JsonProperty("order_id") String orderId, @JsonProperty("customer_id") String customerId,
            @JsonProperty("service_type_code") String serviceTypeCode,
            @JsonProperty("service_type_name") String serviceTypeName, @JsonProperty("source_type") int sourceType,
            @JsonProperty("status") int status, @JsonProperty("order_type") int orderType,
            @JsonProperty("amount_after_discount") BigDecimal amountAfterDiscount,
            @JsonProperty("official_amount") BigDecimal officialAmount, @JsonProperty("measure_id") int measureId,
            @JsonProperty("create_time") String createTime, @JsonProperty("payment_time") String paymentTime,
            @JsonProperty("currency") String currency, @JsonProperty("contract_id") String contractId,
            @JsonProperty("amount_info") OrderView.AmountInfo amountInfo,
            @JsonProperty("user_name") String userName,
            @JsonProperty("pending_payment_end_time") String pendingPaymentEndTime) {
    }

    /** OrderLineItemEntityV2 of the SDK. */
    public record LineItem(@JsonProperty("order_line_item_id") String orderLineItemId,
            @JsonProperty("service_type_code") String serviceTypeCode,
            @JsonProperty("service_type_name") String serviceTypeName,
            @JsonProperty("product_id") String productId,
            @JsonProperty("product_spec_desc") String productSpecDesc,
            @JsonProperty("period_type") Integer periodType, @JsonProperty("period_num") Integer periodNum,
            @JsonProperty("effective_time") String effectiveTime, @JsonProperty("expire_time") String expireTime,
            @JsonProperty("subscription_num") int subscriptionNum,
            @JsonProperty("amount_after_discount") BigDecimal amountAfterDiscount,
            @JsonProperty("official_amount") BigDecimal officialAmount,
            @JsonProperty("amount_info") OrderView.AmountInfo amountInfo,
            @JsonProperty("currency") String currency,
            @JsonProperty("product_owner_service") String productOwnerService,
            @JsonProperty("commercial_resource") String commercialResource,
            @JsonProperty("base_product_info") Product baseProductInfo,
            @JsonProperty("order_id") String orderId) {
    }

    /** ProductObject of the SDK. */
    public record Product(@JsonProperty("product_id") String productId,
            @JsonProperty("product_spec_desc") String productSpecDesc,
            @JsonProperty("product_owner_service") String productOwnerService,
            @JsonProperty("commercial_resource") String commercialResource) {
    }
}
