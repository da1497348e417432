package io.openbss.billing.rating;

/** A validated yearly/monthly item to price: {@code periodType} 0 day, 2 month, 3 year, 4 hour. */
public record PeriodItem(ProductSpec spec, int periodType, int periodNum, int quantity) implements PricedItem {
}
