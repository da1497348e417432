package io.openbss.enterprise.organizations;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.RequestParameters;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: operators create or rename an enterprise's organization units. */
@Path("/internal/v1/enterprises/{master_id}/organizations/{org_id}")
@RolesAllowed({InternalToken.GROUP_OPERATOR, InternalToken.GROUP_SERVICE})
public class OrganizationAdminResource {

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @PUT
    @Operation(summary = "Create or rename an organization unit (idempotent)")
    public Uni<OrganizationUnit> put(@PathParam("master_id") String masterId, @PathParam("org_id") String orgId,
            OrganizationUnit unit) {
        RequestParameters.optionalText("master_id", masterId, 64);
        Organization.checkId("org_id", orgId);
        if (unit == null) {
            throw BssException.badParameter("body", "is required");
        }
        unit.validate();
        return pool.withTransaction(connection -> (unit.parentId() == null ? Uni.createFrom().voidItem()
                : Organization.requireUnitOf(connection, masterId, unit.parentId(),
                        "parent_id " + unit.parentId() + " is not a unit of this enterprise"))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO organization (org_id, master_customer_id, parent_id, name, created_at)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (org_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name
                         WHERE organization.master_customer_id = EXCLUDED.master_customer_id
                        RETURNING org_id""")
                        .execute(Tuple.from(Arrays.asList(orgId, masterId, unit.parentId(), unit.name(),
                                utc(clock.instant()))))))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        // the id is a unit of another enterprise
                        throw BssException.foreignObject("organization " + orgId);
                    }
                })
                .replaceWith(unit);
    }
}
