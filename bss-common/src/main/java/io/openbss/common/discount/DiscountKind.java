package io.openbss.common.discount;

import java.util.Optional;

/**
 * The kinds of discount OpenBSS grants, and the one code each kind has on the wire, so that every view of an order
 * or a price names a discount alike. The SDK documents two code families:
 * <ul>
 * <li>{@link #code()}: DiscountItemV2.discount_type (order and line amounts: 605 商务合同折扣, 700 促销折扣) and
 * OptionalDiscountRatingResult/DemandDiscountRatingResult.discount_type (prices: 605 商务授权折扣);</li>
 * <li>{@link #offerType()}: DiscountInfoV3.discount_type (ListOrderDiscounts: 0 促销折扣, 2 商务优惠), the type
 * DiscountSimpleInfoV3 names when an order is paid with that discount.</li>
 * </ul>
 * Coupons are not discounts: CouponSimpleInfoOrderPayV3 types them 300-303, and 301 is a promotion cash coupon.
 */
public enum DiscountKind {
    /** A commercial (contract) discount granted to the customer. */
    COMMERCIAL(605, 2),
    /** A promotion offered beside the commercial discounts. */
    PROMOTION(700, 0);

    private final int code;
    private final int offerType;

    DiscountKind(int code, int offerType) {
        this.code = code;
        this.offerType = offerType;
    }

    /** The DiscountItemV2 / OptionalDiscountRatingResult discount_type. */
    public int code() {
        return code;
    }

    /** The same code as DiscountItemV2 spells it: a string. */
    public String wire() {
        return String.valueOf(code);
    }

    /** The DiscountInfoV3 / DiscountSimpleInfoV3 discount_type. */
    public int offerType() {
        return offerType;
    }

    public static Optional<DiscountKind> ofCode(int code) {
        for (DiscountKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
