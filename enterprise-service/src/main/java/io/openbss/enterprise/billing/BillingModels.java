package io.openbss.enterprise.billing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The bodies of billing-service's internal API that enterprise-service sends and reads. */
public final class BillingModels {

    private BillingModels() {
    }

    public static final String CASH = "BALANCE_TYPE_DEBIT";
    public static final String CREDIT = "BALANCE_TYPE_CREDIT";

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
