package io.openbss.enterprise.subcustomers;

import io.openbss.common.error.BssException;
import io.openbss.common.request.RequestParameters;
import java.util.List;
import java.util.Set;

/** An existing customer account associated with a master as its sub-account, as an operator records it. */
public record SubCustomerAssociation(String accountName,
        String displayName, String orgId,
        Integer financialCustody,
        List<String> permissionIds, Integer status) {

    static final Set<String> PERMISSIONS = Set.of("READ_FINANCE_INFO", "READ_CONSUME_BILL",
            "SHARE-BIZ-DISCOUNT-TO-SUB", "TRANSFER_COUPON", "TRANSFER_ACCOUNT", "READ_SUB_CONSUME_BILL");

    public void validate() {
        RequestParameters.requiredText("account_name", accountName, 64);
        RequestParameters.optionalText("display_name", displayName, 128);
        RequestParameters.optionalText("org_id", orgId, 64);
        RequestParameters.checkRange("financial_custody", financialCustody, 0, 1, 0);
        if (status != null && !Set.of(1, 2, 3, 4, 101, 102).contains(status)) {
            throw BssException.badParameter("status", "must be one of [1, 2, 3, 4, 101, 102]");
        }
        if (permissionIds != null) {
            for (String permission : permissionIds) {
                if (!PERMISSIONS.contains(permission)) {
                    throw BssException.badParameter("permission_ids", "unknown permission " + permission);
                }
            }
        }
    }
}
