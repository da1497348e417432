package io.openbss.billing.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.discount.DiscountKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The bodies of billing-service's internal API that its callers send and read: for orders-service, rating, charges,
 * refunds and applicable coupons; for enterprise-service, funds, transfers of money and coupons, and registrations.
 */
public final class BillingModels {

    /** The balance types of a transfer. */
    public static final String CASH = "BALANCE_TYPE_DEBIT";
    public static final String CREDIT = "BALANCE_TYPE_CREDIT";

    private BillingModels() {
    }

    public record PeriodRating(@JsonProperty("customer_id") String customerId,
            @JsonProperty("product_infos") List<PeriodProduct> productInfos) {
    }

    /** PeriodProductInfo of the SDK, as billing's rating reads it. */
    public record PeriodProduct(@JsonProperty("id") String id, @JsonProperty("cloud_service_type") String serviceType,
            @JsonProperty("resource_type") String resourceType, @JsonProperty("resource_spec") String resourceSpec,
            @JsonProperty("region") String region, @JsonProperty("resource_size") Integer resourceSize,
            @JsonProperty("size_measure_id") Integer sizeMeasureId, @JsonProperty("period_type") int periodType,
            @JsonProperty("period_num") int periodNum, @JsonProperty("subscription_num") int subscriptionNum) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RatedProducts(@JsonProperty("official_amount") BigDecimal officialAmount,
            @JsonProperty("amount") BigDecimal amount, @JsonProperty("items") List<RatedProduct> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RatedProduct(@JsonProperty("id") String id, @JsonProperty("product_id") String productId,
            @JsonProperty("resource_type_name") String resourceTypeName,
            @JsonProperty("spec_desc_zh") String specDescZh,
            @JsonProperty("max_period_months") int maxPeriodMonths,
            @JsonProperty("official_amount") BigDecimal officialAmount,
            @JsonProperty("discount_amount") BigDecimal discountAmount, @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("best_discount") Offer bestDiscount, @JsonProperty("discounts") List<Offer> discounts) {

        /**
         * The DiscountItemV2 code of the discount in {@code discount_amount}: the best offer's; a billing that does
         * not name it priced with the offer worth that amount, else with a commercial discount.
         */
        public String discountType() {
            if (bestDiscount != null) {
                return String.valueOf(bestDiscount.type());
            }
            return discounts == null ? DiscountKind.COMMERCIAL.wire() : discounts.stream()
                    .filter(offer -> offer.amount() != null && offer.amount().compareTo(discountAmount) == 0)
                    .findFirst().map(offer -> String.valueOf(offer.type())).orElse(DiscountKind.COMMERCIAL.wire());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offer(@JsonProperty("discount_id") String discountId, @JsonProperty("discount_type") int type,
            @JsonProperty("discount_name") String name, @JsonProperty("discount_amount") BigDecimal amount) {
    }

    public record Charge(@JsonProperty("idempotency_key") String idempotencyKey,
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("payer_customer_id") String payerCustomerId, @JsonProperty("trade_id") String tradeId,
            @JsonProperty("coupon_ids") List<String> couponIds, @JsonProperty("lines") List<BillLine> lines) {
    }

    public record Refund(@JsonProperty("idempotency_key") String idempotencyKey,
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("payer_customer_id") String payerCustomerId, @JsonProperty("trade_id") String tradeId,
            @JsonProperty("refunds_trade_id") String refundsTradeId, @JsonProperty("lines") List<BillLine> lines) {
    }

    /** A bill line of a yearly/monthly trade (billing's BillLineInput). */
    public record BillLine(@JsonProperty("service_type_code") String serviceTypeCode,
            @JsonProperty("resource_type_code") String resourceTypeCode,
            @JsonProperty("region_code") String regionCode, @JsonProperty("resource_id") String resourceId,
            @JsonProperty("resource_name") String resourceName, @JsonProperty("product_id") String productId,
            @JsonProperty("product_spec_desc") String productSpecDesc, @JsonProperty("order_id") String orderId,
            @JsonProperty("bill_type") int billType, @JsonProperty("charging_mode") int chargingMode,
            @JsonProperty("period_type") Integer periodType, @JsonProperty("effective_time") String effectiveTime,
            @JsonProperty("expire_time") String expireTime,
            @JsonProperty("official_amount") BigDecimal officialAmount,
            @JsonProperty("discount_amount") BigDecimal discountAmount, @JsonProperty("amount") BigDecimal amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Charged(@JsonProperty("entry_id") long entryId, @JsonProperty("replayed") boolean replayed,
            @JsonProperty("amount") BigDecimal amount, @JsonProperty("coupon_amount") BigDecimal couponAmount,
            @JsonProperty("stored_card_amount") BigDecimal storedCardAmount,
            @JsonProperty("cash_amount") BigDecimal cashAmount, @JsonProperty("credit_amount") BigDecimal creditAmount,
            @JsonProperty("lines") List<LinePayment> lines) {
    }

    /** What paid (or got back) one line: its bill line's split. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinePayment(@JsonProperty("cash_amount") BigDecimal cashAmount,
            @JsonProperty("credit_amount") BigDecimal creditAmount,
            @JsonProperty("coupon_amount") BigDecimal couponAmount,
            @JsonProperty("stored_card_amount") BigDecimal storedCardAmount,
            @JsonProperty("debt_amount") BigDecimal debtAmount) {
    }

    public record ApplicableCoupons(@JsonProperty("customer_id") String customerId,
            @JsonProperty("payer_customer_id") String payerCustomerId, @JsonProperty("order_id") String orderId,
            @JsonProperty("service_type_codes") List<String> serviceTypeCodes,
            @JsonProperty("amount") BigDecimal amount, @JsonProperty("offset") int offset,
            @JsonProperty("limit") int limit) {
    }

    public record Transfer(@JsonProperty("idempotency_key") String idempotencyKey,
            @JsonProperty("from_customer_id") String fromCustomerId,
            @JsonProperty("to_customer_id") String toCustomerId, @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("balance_type") String balanceType, @JsonProperty("reason") String reason,
            @JsonProperty("trade_id") String tradeId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Posted(@JsonProperty("entry_id") long entryId, @JsonProperty("replayed") boolean replayed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Funds(@JsonProperty("customer_id") String customerId, @JsonProperty("currency") String currency,
            @JsonProperty("cash") Cash cash, @JsonProperty("credit") Credit credit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cash(@JsonProperty("balance") BigDecimal balance) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Credit(@JsonProperty("available") BigDecimal available,
            @JsonProperty("credit_limit") BigDecimal creditLimit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CouponPage(@JsonProperty("total_count") int totalCount,
            @JsonProperty("coupons") List<Coupon> coupons) {
    }

    /** A cash coupon; {@code subCouponId} is set for a coupon received from another customer's coupon. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coupon(@JsonProperty("coupon_id") String couponId,
            @JsonProperty("sub_coupon_id") String subCouponId, @JsonProperty("plan_name") String planName,
            @JsonProperty("balance") String balance, @JsonProperty("effective_time") String effectiveTime,
            @JsonProperty("expire_time") String expireTime,
            @JsonProperty("use_limits") List<Map<String, Object>> useLimits) {
    }

    public record CouponTransfer(@JsonProperty("idempotency_key") String idempotencyKey,
            @JsonProperty("from_customer_id") String fromCustomerId,
            @JsonProperty("to_customer_id") String toCustomerId, @JsonProperty("amount") BigDecimal amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuedCoupon(@JsonProperty("id") String id) {
    }

    public record CouponReclaim(@JsonProperty("idempotency_key") String idempotencyKey,
            @JsonProperty("customer_id") String customerId, @JsonProperty("source_coupon_id") String sourceCouponId,
            @JsonProperty("source_customer_id") String sourceCustomerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReclaimedCoupon(@JsonProperty("coupon_id") String couponId,
            @JsonProperty("amount") BigDecimal amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Registration(@JsonProperty("customer_name") String customerName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Association(@JsonProperty("master_customer_id") String masterCustomerId,
            @JsonProperty("bills_visible") Boolean billsVisible,
            @JsonProperty("financial_custody") Boolean financialCustody) {
    }
}
