package io.openbss.enterprise.projects;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A customer turns on enterprise projects for its account; turning them on again changes nothing. */
@Path("/v2/enterprises/enterprise-projects/authority")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class EnterpriseProjectAuthResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @POST
    @Operation(operationId = "CreateEnterpriseProjectAuth", summary = "Turn on enterprise projects for the account")
    public Uni<Map<String, Object>> enable() {
        CallerIdentity customer = caller.get();
        return pool.preparedQuery("""
                        INSERT INTO enterprise_project_authority (customer_id, enabled_at) VALUES ($1, $2)
                        ON CONFLICT (customer_id) DO NOTHING""")
                .execute(Tuple.of(customer.customerId(), utc(clock.instant())))
                .replaceWith(Map.of());
    }
}
