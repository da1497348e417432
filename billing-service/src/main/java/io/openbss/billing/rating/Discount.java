package io.openbss.billing.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A discount that can price a product: {@code rate} of the official price is paid. Commercial discounts take part
 * in the choice of the best offer; promotions are offered beside them (seed: the best offer is chosen among
 * commercial and partner discounts).
 *
 * @param type 605 for a commercial discount, {@link #PROMOTION_TYPE} for a promotion
 */
public record Discount(String id, int type, String nameZh, String nameEn, BigDecimal rate, boolean commercial) {

    /** The discount type OpenBSS reports for promotions (the SDK documents only 605-607, all commercial). */
    public static final int PROMOTION_TYPE = 700;

    public String name(io.openbss.common.request.Language language) {
        return language.pick(nameZh, nameEn);
    }

    /** What the discount takes off an official amount, at the given scale. */
    public BigDecimal off(BigDecimal official, int scale) {
        return official.multiply(BigDecimal.ONE.subtract(rate)).setScale(scale, RoundingMode.HALF_UP);
    }
}
