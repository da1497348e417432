package io.openbss.orders.orders;

import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.required;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Orders brought over from another system (or the demo data set) exactly as they were: statuses, amounts and
 * times are taken as given. Idempotent by order id.
 */
public record OrderImport(List<ImportedOrder> orders) {

    public record ImportedOrder(String orderId,
            String customerId,
            String payerCustomerId,
            String serviceTypeCode,
            String serviceTypeName,
            Integer sourceType, Integer status,
            Integer orderType,
            BigDecimal officialAmount,
            BigDecimal amountAfterDiscount,
            BigDecimal couponAmount,
            BigDecimal storedCardAmount,
            BigDecimal consumedAmount,
            List<OrderView.Discount> discounts,
            String contractId, String userName,
            String createTime, String paymentTime) {

        void validate(String at) {
            requiredText(at + "order_id", orderId, 64);
            requiredText(at + "customer_id", customerId, 64);
            optionalText(at + "payer_customer_id", payerCustomerId, 64);
            requiredText(at + "service_type_code", serviceTypeCode, 64);
            requiredText(at + "service_type_name", serviceTypeName, 128);
            code(at + "source_type", sourceType, SourceType.CODES);
            code(at + "status", status, OrderStatus.CODES);
            code(at + "order_type", orderType, OrderType.CODES);
            money(at + "official_amount", officialAmount, true);
            money(at + "amount_after_discount", amountAfterDiscount, true);
            money(at + "coupon_amount", couponAmount, false);
            money(at + "stored_card_amount", storedCardAmount, false);
            money(at + "consumed_amount", consumedAmount, false);
            optionalText(at + "contract_id", contractId, 64);
            optionalText(at + "user_name", userName, 128);
            optionalInstant(at + "create_time", required(at + "create_time", createTime));
            optionalInstant(at + "payment_time", paymentTime);
            if (discounts != null) {
                for (int i = 0; i < discounts.size(); i++) {
                    OrderView.Discount d = discounts.get(i);
                    requiredText(at + "discounts[" + i + "].discount_type", d.discountType(), 16);
                    money(at + "discounts[" + i + "].discount_amount", d.discountAmount(), true);
                }
            }
        }

        private static void code(String name, Integer value, Set<Integer> allowed) {
            if (value == null || !allowed.contains(value)) {
                throw BssException.badParameter(name, "must be one of " + allowed.stream().sorted().toList());
            }
        }

        private static void money(String name, BigDecimal value, boolean required) {
            if (value == null) {
                if (required) {
                    throw BssException.badParameter(name, "is required");
                }
                return;
            }
            if (value.signum() < 0 || value.scale() > 2) {
                throw BssException.badParameter(name, "must be >= 0 with at most 2 decimals");
            }
        }

        CustomerOrder toOrder() {
            CustomerOrder order = new CustomerOrder();
            order.orderId = orderId;
            order.customerId = customerId;
            order.payerCustomerId = payerCustomerId;
            order.serviceTypeCode = serviceTypeCode;
            order.serviceTypeName = serviceTypeName;
            order.sourceType = sourceType;
            order.status = status;
            order.orderType = orderType;
            order.officialAmount = officialAmount;
            order.amountAfterDiscount = amountAfterDiscount;
            order.couponAmount = orZero(couponAmount);
            order.flexipurchaseCouponAmount = BigDecimal.ZERO;
            order.storedCardAmount = orZero(storedCardAmount);
            order.commissionAmount = BigDecimal.ZERO;
            order.consumedAmount = orZero(consumedAmount);
            order.currency = "CNY";
            order.contractId = contractId;
            order.userName = userName;
            order.createTime = optionalInstant("create_time", createTime);
            order.paymentTime = optionalInstant("payment_time", paymentTime);
            return order;
        }

        private static BigDecimal orZero(BigDecimal value) {
            return value == null ? BigDecimal.ZERO : value;
        }
    }

    public void validate() {
        if (orders == null || orders.isEmpty() || orders.size() > 1000) {
            throw BssException.badParameter("orders", "must hold 1 to 1000 orders");
        }
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i) == null) {
                throw BssException.badParameter("orders[" + i + "]", "must be an object");
            }
            orders.get(i).validate("orders[" + i + "].");
        }
    }
}
