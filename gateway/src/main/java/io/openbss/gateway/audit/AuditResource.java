package io.openbss.gateway.audit;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Admin API: the audit trail of state-changing public calls and admin changes. */
@Path("/admin/v1/audit")
public class AuditResource {

    @Inject
    AuditSearch search;

    @GET
    @Operation(summary = "Audit records, newest first: filter by domain_id, user_id, access_key, operation, "
            + "request_id, resource_id (any identifier), result (success|failure), since (inclusive) and until "
            + "(exclusive, UTC yyyy-MM-dd'T'HH:mm:ss'Z'); page with limit (1-1000, default 100) and offset")
    public Uni<AuditViews.RecordPage> list(@BeanParam AuditQuery.Parameters parameters) {
        return search.find(AuditQuery.of(parameters));
    }
}
