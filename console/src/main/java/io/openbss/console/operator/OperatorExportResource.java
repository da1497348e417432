package io.openbss.console.operator;

import io.openbss.console.session.CurrentSession;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The operator tables as CSV files, under a path of their own: a root resource at {@code /operator} would hide the
 * operator sign-in page from the resource matching.
 */
@Path("/operator/export")
public class OperatorExportResource {

    @Inject
    CurrentSession current;

    @Inject
    AuditResource audit;

    @Inject
    AccountsResource accounts;

    @GET
    @Path("audit.csv")
    public Response audit(@Context UriInfo uri) {
        return audit.csv(current.get(), uri);
    }

    @GET
    @Path("accounts.csv")
    public Response accounts(@QueryParam("name") String name) {
        return accounts.csv(current.get(), name);
    }
}
