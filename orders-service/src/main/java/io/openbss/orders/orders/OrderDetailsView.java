package io.openbss.orders.orders;

import java.math.BigDecimal;
import java.util.List;

/** ShowCustomerOrderDetailsResponse of the SDK: an order and one page of its line items. */
public record OrderDetailsView(long totalCount,
        OrderInfo orderInfo,
        List<LineItem> orderLineItems) {

    /** CustomerOrderV3 of the SDK. */
    public record OrderInfo(String orderId, String customerId,
            String serviceTypeCode,
            String serviceTypeName, int sourceType,
            int status, int orderType,
            BigDecimal amountAfterDiscount,
            BigDecimal officialAmount, int measureId,
            String createTime, String paymentTime,
            String currency, String contractId,
            OrderView.AmountInfo amountInfo,
            String userName,
            String pendingPaymentEndTime) {
    }

    /** OrderLineItemEntityV2 of the SDK. */
    public record LineItem(String orderLineItemId,
            String serviceTypeCode,
            String serviceTypeName,
            String productId,
            String productSpecDesc,
            Integer periodType, Integer periodNum,
            String effectiveTime, String expireTime,
            int subscriptionNum,
            BigDecimal amountAfterDiscount,
            BigDecimal officialAmount,
            OrderView.AmountInfo amountInfo,
            String currency,
            String productOwnerService,
            String commercialResource,
            Product baseProductInfo,
            String orderId) {
    }

    /** ProductObject of the SDK. */
    public record Product(String productId,
            String productSpecDesc,
            String productOwnerService,
            String commercialResource) {
    }
}
