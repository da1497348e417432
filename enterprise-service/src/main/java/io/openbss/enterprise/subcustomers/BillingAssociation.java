package io.openbss.enterprise.subcustomers;

import io.openbss.billing.client.BillingModels;

/**
 * What billing-service needs to know of an association: a master sees the bills of a sub-account in its financial
 * custody, or of one that granted it READ_CONSUME_BILL ("允许查看子账号消费信息").
 */
final class BillingAssociation {

    static final String READ_CONSUME_BILL = "READ_CONSUME_BILL";

    private BillingAssociation() {
    }

    static BillingModels.Association of(SubCustomer sub) {
        boolean visible = sub.financialCustody || sub.permissionIds.contains(READ_CONSUME_BILL);
        return new BillingModels.Association(sub.masterCustomerId, visible, sub.financialCustody);
    }
}
