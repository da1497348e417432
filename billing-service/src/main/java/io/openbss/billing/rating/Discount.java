package io.openbss.billing.rating;

import io.openbss.common.discount.DiscountKind;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A discount that can price a product: {@code rate} of the official price is paid. Commercial discounts take part
 * in the choice of the best offer; promotions are offered beside them (seed: the best offer is chosen among
 * commercial and partner discounts).
 *
 * @param type the kind's code ({@link DiscountKind#code()}): 605 for a commercial discount, 700 for a promotion
 */
public record Discount(String id, int type, String nameZh, String nameEn, BigDecimal rate, boolean commercial) {

    /** The discount type of promotions: DiscountItemV2's 700 促销折扣. */
    public static final int PROMOTION_TYPE = DiscountKind.PROMOTION.code();

    public String name(io.openbss.common.request.Language language) {
        return language.pick(nameZh, nameEn);
    }

    /** What the discount takes off an official amount, at the given scale. */
    public BigDecimal off(BigDecimal official, int scale) {
        return official.multiply(BigDecimal.ONE.subtract(rate)).setScale(scale, RoundingMode.HALF_UP);
    }
}
