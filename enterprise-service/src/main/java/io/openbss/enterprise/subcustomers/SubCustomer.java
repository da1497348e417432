package io.openbss.enterprise.subcustomers;

import io.vertx.mutiny.sqlclient.Row;
import java.util.List;

/** A customer account associated with an enterprise master as its sub-account (a row of {@code sub_customer}). */
public class SubCustomer {

    public String subCustomerId;

    public String masterCustomerId;

    public String accountName;

    public String displayName;

    public int status;

    public String orgId;

    public boolean financialCustody;

    public List<String> permissionIds;

    static SubCustomer of(Row row) {
        SubCustomer sub = new SubCustomer();
        sub.subCustomerId = row.getString("sub_customer_id");
        sub.masterCustomerId = row.getString("master_customer_id");
        sub.accountName = row.getString("account_name");
        sub.displayName = row.getString("display_name");
        sub.status = row.getInteger("status");
        sub.orgId = row.getString("org_id");
        sub.financialCustody = row.getBoolean("financial_custody");
        sub.permissionIds = List.of(row.getArrayOfStrings("permission_ids"));
        return sub;
    }
}
