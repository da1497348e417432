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

    public record PeriodRating(String customerId,
            List<PeriodProduct> productInfos) {
    }

    /** PeriodProductInfo of the SDK, as billing's rating reads it. */
    public record PeriodProduct(String id, @JsonProperty("cloud_service_type") String serviceType,
            String resourceType, String resourceSpec,
            String region, Integer resourceSize,
            Integer sizeMeasureId, int periodType,
            int periodNum, int subscriptionNum) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RatedProducts(BigDecimal officialAmount,
            BigDecimal amount, List<RatedProduct> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RatedProduct(String id, String productId,
            String resourceTypeName,
            String specDescZh,
            int maxPeriodMonths,
            BigDecimal officialAmount,
            BigDecimal discountAmount, BigDecimal amount,
            Offer bestDiscount, List<Offer> discounts) {

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
    public record Offer(String discountId, @JsonProperty("discount_type") int type,
            @JsonProperty("discount_name") String name, @JsonProperty("discount_amount") BigDecimal amount) {
    }

    public record Charge(String idempotencyKey,
            String customerId,
            String payerCustomerId, String tradeId,
            List<String> couponIds, List<BillLine> lines) {
    }

    public record Refund(String idempotencyKey,
            String customerId,
            String payerCustomerId, String tradeId,
            String refundsTradeId, List<BillLine> lines) {
    }

    /** A bill line of a yearly/monthly trade (billing's BillLineInput). */
    public record BillLine(String serviceTypeCode,
            String resourceTypeCode,
            String regionCode, String resourceId,
            String resourceName, String productId,
            String productSpecDesc, String orderId,
            int billType, int chargingMode,
            Integer periodType, String effectiveTime,
            String expireTime,
            BigDecimal officialAmount,
            BigDecimal discountAmount, BigDecimal amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Charged(long entryId, boolean replayed,
            BigDecimal amount, BigDecimal couponAmount,
            BigDecimal storedCardAmount,
            BigDecimal cashAmount, BigDecimal creditAmount,
            List<LinePayment> lines) {
    }

    /** What paid (or got back) one line: its bill line's split. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LinePayment(BigDecimal cashAmount,
            BigDecimal creditAmount,
            BigDecimal couponAmount,
            BigDecimal storedCardAmount,
            BigDecimal debtAmount) {
    }

    public record ApplicableCoupons(String customerId,
            String payerCustomerId, String orderId,
            List<String> serviceTypeCodes,
            BigDecimal amount, int offset,
            int limit) {
    }

    public record Transfer(String idempotencyKey,
            String fromCustomerId,
            String toCustomerId, BigDecimal amount,
            String balanceType, String reason,
            String tradeId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Posted(long entryId, boolean replayed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Funds(String customerId, String currency,
            Cash cash, Credit credit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cash(BigDecimal balance) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Credit(BigDecimal available,
            BigDecimal creditLimit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CouponPage(int totalCount,
            List<Coupon> coupons) {
    }

    /** A cash coupon; {@code subCouponId} is set for a coupon received from another customer's coupon. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coupon(String couponId,
            String subCouponId, String planName,
            String balance, String effectiveTime,
            String expireTime,
            List<Map<String, Object>> useLimits) {
    }

    public record CouponTransfer(String idempotencyKey,
            String fromCustomerId,
            String toCustomerId, BigDecimal amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuedCoupon(String id) {
    }

    public record CouponReclaim(String idempotencyKey,
            String customerId, String sourceCouponId,
            String sourceCustomerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReclaimedCoupon(String couponId,
            BigDecimal amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Registration(String customerName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Association(String masterCustomerId,
            Boolean billsVisible,
            Boolean financialCustody) {
    }
}
