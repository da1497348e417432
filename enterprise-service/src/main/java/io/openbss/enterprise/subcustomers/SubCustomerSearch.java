package io.openbss.enterprise.subcustomers;

import io.openbss.common.request.Paging;
import io.openbss.common.request.RequestParameters;

/**
 * The filters of ListEnterpriseSubCustomers. A name filter that is absent does not filter; one that is present,
 * even empty, does: exactly, or as a case-insensitive substring when {@code fuzzy_query=1}.
 */
public record SubCustomerSearch(String accountName, String displayName, boolean fuzzy, String orgId, Paging paging) {

    public static SubCustomerSearch parse(String accountName, String displayName, String fuzzyQuery, String offset,
            String limit, String orgId) {
        if (accountName != null) {
            RequestParameters.optionalText("sub_customer_account_name", accountName, 64);
        }
        if (displayName != null) {
            RequestParameters.optionalText("sub_customer_display_name", displayName, 128);
        }
        Integer fuzzy = RequestParameters.optionalInt("fuzzy_query", fuzzyQuery, 0, 1, 0);
        return new SubCustomerSearch(accountName, displayName, fuzzy == 1,
                RequestParameters.optionalText("org_id", orgId, 64), Paging.of(offset, limit, 10, 100));
    }
}
