package io.openbss.gateway.admin;

import io.openbss.common.error.ErrorBody;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.error.ErrorMappers;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The admin API answers only to {@code Authorization: Bearer <bss.gateway.admin-token>}. */
public class AdminAuthFilter {

    @Inject
    AdminToken adminToken;

    @ServerRequestFilter
    public Response requireAdminToken(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/admin")) {
            return null;
        }
        if (adminToken.matches(request.getHeaderString("Authorization"))) {
            return null;
        }
        return Response.status(401).type(MediaType.valueOf(ErrorMappers.JSON_UTF8))
                .entity(new ErrorBody(ErrorCode.UNAUTHENTICATED.code(), "The admin API needs the admin token")).build();
    }
}
