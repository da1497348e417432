package io.openbss.billing.rating;

/** An item of a price inquiry. */
public sealed interface PricedItem permits PeriodItem, OnDemandItem {

    ProductSpec spec();
}
