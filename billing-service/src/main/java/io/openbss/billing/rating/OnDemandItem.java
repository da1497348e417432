package io.openbss.billing.rating;

import java.math.BigDecimal;

/** A validated pay-per-use item to price. */
public record OnDemandItem(ProductSpec spec, String usageFactor, BigDecimal usageValue, int usageMeasureId,
        int quantity) implements PricedItem {
}
