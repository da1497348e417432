package io.openbss.orders.orders;

import java.util.Set;

/** The codes of CustomerOrderV2. */
public final class OrderCodes {

    /** 1 pending approval, 2 pending refund, 3 processing, 4 cancelled, 5 completed, 6 pending payment, 9 pending
     * confirmation, 10-13 physical goods. */
    public static final Set<Integer> STATUSES = Set.of(1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13);

    /** 1 new purchase, 2 renewal, 3 change, 4 unsubscribe, 10 yearly/monthly to pay-per-use, 11 pay-per-use to
     * yearly/monthly, 13 trial, 14 to commercial, 15 fee adjustment. */
    public static final Set<Integer> ORDER_TYPES = Set.of(1, 2, 3, 4, 10, 11, 13, 14, 15);

    /** 1 customer, 2 agent, 3 contract, 4 distributor, 5 resource deleted in console, 6 supplementary, 7
     * compensation, 8 created by the system. */
    public static final Set<Integer> SOURCE_TYPES = Set.of(1, 2, 3, 4, 5, 6, 7, 8);

    private OrderCodes() {
    }
}
