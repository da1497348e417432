package io.openbss.enterprise.organizations;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.RequestParameters;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: operators create or rename an enterprise's organization units. */
@Path("/internal/v1/enterprises/{master_id}/organizations/{org_id}")
@RolesAllowed({InternalToken.GROUP_OPERATOR, InternalToken.GROUP_SERVICE})
public class OrganizationAdminResource {

    @Inject
    Clock clock;

    @PUT
    @WithTransaction
    @Operation(summary = "Create or rename an organization unit (idempotent)")
    public Uni<OrganizationUnit> put(@PathParam("master_id") String masterId, @PathParam("org_id") String orgId,
            OrganizationUnit unit) {
        RequestParameters.optionalText("master_id", masterId, 64);
        Organization.checkId("org_id", orgId);
        if (unit == null) {
            throw BssException.badParameter("body", "is required");
        }
        unit.validate();
        Uni<Void> parentCheck = unit.parentId() == null ? Uni.createFrom().voidItem()
                : Organization.<Organization>findById(unit.parentId()).invoke(parent -> {
                    if (parent == null || !parent.masterCustomerId.equals(masterId)) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER,
                                "parent_id " + unit.parentId() + " is not a unit of this enterprise");
                    }
                }).replaceWithVoid();
        return parentCheck.chain(() -> Organization.<Organization>findById(orgId))
                .flatMap(existing -> {
                    if (existing != null && !existing.masterCustomerId.equals(masterId)) {
                        throw BssException.foreignObject("organization " + orgId);
                    }
                    Organization org = existing != null ? existing : new Organization();
                    org.orgId = orgId;
                    org.masterCustomerId = masterId;
                    org.parentId = unit.parentId();
                    org.name = unit.name();
                    if (existing == null) {
                        org.createdAt = clock.instant();
                        return org.persist();
                    }
                    return Uni.createFrom().item(org);
                })
                .replaceWith(unit);
    }
}
