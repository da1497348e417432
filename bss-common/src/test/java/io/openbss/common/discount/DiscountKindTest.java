package io.openbss.common.discount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscountKindTest {

    @Test
    void eachKindHasTheCodesTheSdkDocuments() {
        // DiscountItemV2 / OptionalDiscountRatingResult: 605 商务合同折扣, 700 促销折扣; DiscountInfoV3: 2 商务优惠, 0 促销折扣
        assertThat(DiscountKind.COMMERCIAL.wire()).isEqualTo("605");
        assertThat(DiscountKind.COMMERCIAL.offerType()).isEqualTo(2);
        assertThat(DiscountKind.PROMOTION.code()).isEqualTo(700);
        assertThat(DiscountKind.PROMOTION.offerType()).isZero();
    }

    @Test
    void aCashCouponCodeIsNoDiscountKind() {
        assertThat(DiscountKind.ofCode(301)).isEmpty();
        assertThat(DiscountKind.ofCode(605)).contains(DiscountKind.COMMERCIAL);
    }
}
