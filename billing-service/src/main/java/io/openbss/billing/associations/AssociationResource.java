package io.openbss.billing.associations;

import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: enterprise-service registers or changes a sub-account's association, for bill visibility. */
@Path("/internal/v1/customers/{customer_id}/association")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class AssociationResource {

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    public record Association(String masterCustomerId,
            Boolean billsVisible,
            Boolean financialCustody) {
    }

    @PUT
    @Operation(summary = "Register or change a sub-account's association with its master (idempotent)")
    public Uni<Association> put(@PathParam("customer_id") String subId, Association association) {
        requiredText("sub_customer_id", subId, 64);
        if (association == null) {
            throw BssException.badParameter("body", "is required");
        }
        requiredText("master_customer_id", association.masterCustomerId(), 64);
        if (association.billsVisible() == null) {
            throw BssException.badParameter("bills_visible", "is required");
        }
        if (subId.equals(association.masterCustomerId())) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "an account cannot be its own sub-account");
        }
        return new EnterpriseAssociation(subId, association.masterCustomerId(), association.billsVisible(),
                association.financialCustody() != null && association.financialCustody(), clock.instant())
                .save(pool).replaceWith(association);
    }

    @DELETE
    @Operation(summary = "End a sub-account's association: its master no longer sees its bills")
    public Uni<Void> delete(@PathParam("customer_id") String subId) {
        return EnterpriseAssociation.end(pool, subId);
    }
}
