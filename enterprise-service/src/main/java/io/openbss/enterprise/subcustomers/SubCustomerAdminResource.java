package io.openbss.enterprise.subcustomers;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.remote.RemoteErrors;
import io.openbss.common.request.RequestParameters;
import io.openbss.enterprise.EnterpriseError;
import io.openbss.enterprise.organizations.Organization;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Internal API: operators associate an existing customer account with a master as its sub-account. billing-service
 * is told in the same request, so that the master sees the bills the association allows.
 */
@Path("/internal/v1/enterprises/{master_id}/sub-customers/{sub_customer_id}")
@RolesAllowed({InternalToken.GROUP_OPERATOR, InternalToken.GROUP_SERVICE})
public class SubCustomerAdminResource {

    @Inject
    Clock clock;

    @Inject
    BillingClient billing;

    @Inject
    Pool pool;

    @PUT
    @Operation(summary = "Associate a sub-account with a master, or update the association (idempotent)")
    public Uni<SubCustomerAssociation> associate(@PathParam("master_id") String masterId,
            @PathParam("sub_customer_id") String subId, SubCustomerAssociation association) {
        RequestParameters.optionalText("master_id", masterId, 64);
        RequestParameters.optionalText("sub_customer_id", subId, 64);
        if (association == null) {
            throw BssException.badParameter("body", "is required");
        }
        association.validate();
        if (masterId.equals(subId)) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "an account cannot be its own sub-account");
        }
        SubCustomer sub = new SubCustomer();
        sub.subCustomerId = subId;
        sub.masterCustomerId = masterId;
        sub.accountName = association.accountName();
        sub.displayName = association.displayName();
        sub.orgId = association.orgId();
        sub.financialCustody = association.financialCustody() != null && association.financialCustody() == 1;
        sub.permissionIds = association.permissionIds() == null ? List.of() : association.permissionIds();
        sub.status = association.status() == null ? 1 : association.status();
        // billing-service is told inside the transaction: when it refuses, the association is not recorded either
        return pool.withTransaction(connection -> (association.orgId() == null ? Uni.createFrom().voidItem()
                : Organization.requireUnitOf(connection, masterId, association.orgId(),
                        "org_id " + association.orgId() + " is not a unit of this enterprise"))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO sub_customer (sub_customer_id, master_customer_id, account_name, display_name,
                                                  status, org_id, association_type, financial_custody,
                                                  permission_ids, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9)
                        ON CONFLICT (sub_customer_id) DO UPDATE SET account_name = EXCLUDED.account_name,
                            display_name = EXCLUDED.display_name, status = EXCLUDED.status, org_id = EXCLUDED.org_id,
                            association_type = 1,
                            financial_custody = EXCLUDED.financial_custody, permission_ids = EXCLUDED.permission_ids
                         WHERE sub_customer.master_customer_id = EXCLUDED.master_customer_id
                        RETURNING sub_customer_id""")
                        .execute(Tuple.from(Arrays.asList(subId, masterId, sub.accountName, sub.displayName,
                                (short) sub.status, sub.orgId, sub.financialCustody,
                                sub.permissionIds.toArray(String[]::new), utc(clock.instant())))))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw new BssException(EnterpriseError.CONDITIONS_NOT_MET,
                                "customer " + subId + " is already the sub-account of another enterprise");
                    }
                })
                .call(() -> billing.associate(subId, BillingAssociation.of(sub))))
                .onFailure().transform(RemoteErrors::answer).replaceWith(association);
    }
}
