package io.openbss.enterprise.subcustomers;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import io.openbss.enterprise.organizations.Organization;
import io.openbss.enterprise.sms.VerificationCodeRequest;
import java.util.List;

/** CreateSubCustomerReqV2 of the SDK, with its NewCustomerV2. */
public record NewSubAccountRequest(String partyId,
        String displayName,
        Integer subCustomerAssociationType,
        List<String> permissionIds,
        NewCustomer newSubCustomer,
        Integer financialCustody) {

    /** The permissions a sub-account in financial custody grants its master, whatever the request says. */
    static final List<String> CUSTODY_PERMISSIONS = List.of("READ_FINANCE_INFO", "READ_CONSUME_BILL",
            "SHARE-BIZ-DISCOUNT-TO-SUB");

    public record NewCustomer(String customerName,
            String mobilePhone,
            String usePriMobilePhone,
            String password,
            String verificationCode) {
    }

    public void validate() {
        Organization.checkId("party_id", requiredText("party_id", partyId, 64));
        optionalText("display_name", displayName, 128);
        Integer type = checkRange("sub_customer_association_type", subCustomerAssociationType, -1, 1, 1);
        if (type != 1) {
            throw BssException.badParameter("sub_customer_association_type", "must be 1 (the same legal entity)");
        }
        checkRange("financial_custody", financialCustody, 0, 1, 0);
        if (permissionIds != null && !custody()) {
            for (String permission : permissionIds) {
                if (!SubCustomerAssociation.PERMISSIONS.contains(permission)) {
                    throw BssException.badParameter("permission_ids", "unknown permission " + permission);
                }
            }
        }
        if (newSubCustomer == null) {
            throw BssException.badParameter("new_sub_customer", "is required");
        }
        requiredText("new_sub_customer.customer_name", newSubCustomer.customerName(), 64);
        requiredText("new_sub_customer.password", newSubCustomer.password(), 64);
        String usePrimary = newSubCustomer.usePriMobilePhone();
        if (usePrimary != null && !usePrimary.equals("Y") && !usePrimary.equals("N")) {
            throw BssException.badParameter("new_sub_customer.use_pri_mobile_phone", "must be Y or N");
        }
        if (!useMasterPhone()) {
            VerificationCodeRequest.checkPhone("new_sub_customer.mobile_phone", newSubCustomer.mobilePhone());
            requiredText("new_sub_customer.verification_code", newSubCustomer.verificationCode(), 16);
        }
    }

    boolean custody() {
        return financialCustody != null && financialCustody == 1;
    }

    boolean useMasterPhone() {
        return "Y".equals(newSubCustomer.usePriMobilePhone());
    }

    List<String> permissions() {
        return custody() ? CUSTODY_PERMISSIONS : permissionIds == null ? List.of() : permissionIds;
    }
}
