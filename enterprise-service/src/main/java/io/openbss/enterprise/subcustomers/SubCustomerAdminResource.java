package io.openbss.enterprise.subcustomers;

import io.openbss.billing.client.BillingClient;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.remote.RemoteErrors;
import io.openbss.common.request.RequestParameters;
import io.openbss.enterprise.EnterpriseError;
import io.openbss.enterprise.organizations.Organization;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
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

    @PUT
    @WithTransaction
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
        Uni<Void> orgCheck = association.orgId() == null ? Uni.createFrom().voidItem()
                : Organization.<Organization>findById(association.orgId()).invoke(org -> {
                    if (org == null || !org.masterCustomerId.equals(masterId)) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER,
                                "org_id " + association.orgId() + " is not a unit of this enterprise");
                    }
                }).replaceWithVoid();
        return orgCheck.chain(() -> SubCustomer.<SubCustomer>findById(subId)).flatMap(existing -> {
            if (existing != null && !existing.masterCustomerId.equals(masterId)) {
                throw new BssException(EnterpriseError.CONDITIONS_NOT_MET,
                        "customer " + subId + " is already the sub-account of another enterprise");
            }
            SubCustomer sub = existing != null ? existing : new SubCustomer();
            sub.subCustomerId = subId;
            sub.masterCustomerId = masterId;
            sub.accountName = association.accountName();
            sub.displayName = association.displayName();
            sub.orgId = association.orgId();
            sub.associationType = 1;
            sub.financialCustody = association.financialCustody() != null && association.financialCustody() == 1;
            sub.permissionIds = association.permissionIds() == null ? List.of() : association.permissionIds();
            sub.status = association.status() == null ? 1 : association.status();
            if (existing == null) {
                sub.createdAt = clock.instant();
                return sub.persist().replaceWith(sub);
            }
            return Uni.createFrom().item(sub);
        }).call(sub -> billing.associate(subId, BillingAssociation.of(sub))).onFailure()
                .transform(RemoteErrors::answer).replaceWith(association);
    }
}
