package io.openbss.orders.payments;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.util.List;

/**
 * PayCustomerOrderV3Req of the SDK. Without use_discount the order is paid as priced (billing's best discount);
 * "NO" pays the official price; "YES" with one of the order's discount ids pays with that discount.
 */
public record PayRequest(String orderId, String useCoupon,
        String useDiscount,
        List<CouponChoice> couponInfos,
        List<DiscountChoice> discountInfos) {

    /** CouponSimpleInfoOrderPayV3: 300 discount coupon, 301 promotion cash coupon, 302 cash coupon, 303 card. */
    public record CouponChoice(String id, Integer type) {

        /**
         * A coupon as ListOrderCouponsByOrderId types it (CouponInfoV2: 1 cash coupon 代金券, 2 discount coupon, 3
         * product coupon, 4 flexi-purchase coupon 现金券), typed as a payment names it; a product coupon pays from its
         * value like a cash coupon.
         */
        static CouponChoice of(String id, int couponType) {
            return new CouponChoice(id, switch (couponType) {
                case 2 -> 300;
                case 4 -> 302;
                default -> 301;
            });
        }
    }

    /** DiscountSimpleInfoV3: 0 promotion, 2 commercial, 3 partner, ... 609 order price adjustment. */
    public record DiscountChoice(String id, Integer type) {
    }

    public void validate() {
        requiredText("order_id", orderId, 64);
        yesNo("use_coupon", useCoupon);
        yesNo("use_discount", useDiscount);
        if ("YES".equals(useCoupon)) {
            if (couponInfos == null || couponInfos.isEmpty() || couponInfos.size() > 3) {
                throw BssException.badParameter("coupon_infos", "must hold 1 to 3 coupons when use_coupon is YES");
            }
            for (int i = 0; i < couponInfos.size(); i++) {
                CouponChoice coupon = couponInfos.get(i);
                if (coupon == null) {
                    throw BssException.badParameter("coupon_infos[" + i + "]", "must be an object");
                }
                requiredText("coupon_infos[" + i + "].id", coupon.id(), 64);
                if (coupon.type() == null) {
                    throw BssException.badParameter("coupon_infos[" + i + "].type", "is required (300-303)");
                }
                checkRange("coupon_infos[" + i + "].type", coupon.type(), 300, 303, null);
            }
            if (couponInfos.stream().map(CouponChoice::id).distinct().count() != couponInfos.size()) {
                throw BssException.badParameter("coupon_infos", "must not repeat a coupon");
            }
        }
        if ("YES".equals(useDiscount)) {
            if (discountInfos == null || discountInfos.size() != 1 || discountInfos.get(0) == null) {
                throw BssException.badParameter("discount_infos", "must hold one discount when use_discount is YES");
            }
            requiredText("discount_infos[0].id", discountInfos.get(0).id(), 64);
            if (discountInfos.get(0).type() == null) {
                throw BssException.badParameter("discount_infos[0].type", "is required");
            }
            checkRange("discount_infos[0].type", discountInfos.get(0).type(), 0, 609, null);
        }
    }

    List<String> couponIds() {
        return "YES".equals(useCoupon) ? couponInfos.stream().map(CouponChoice::id).toList() : List.of();
    }

    /** The discount to pay with: an offer's id, {@link #NO_DISCOUNT}, or null for the order's best offer. */
    String discountId() {
        if ("YES".equals(useDiscount)) {
            return discountInfos.get(0).id();
        }
        return "NO".equals(useDiscount) ? NO_DISCOUNT : null;
    }

    static final String NO_DISCOUNT = "NONE";

    private static void yesNo(String parameter, String value) {
        if (value != null && !value.equals("YES") && !value.equals("NO")) {
            throw BssException.badParameter(parameter, "must be YES or NO");
        }
    }
}
