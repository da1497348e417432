package io.openbss.gateway.errors;

import io.openbss.common.error.ErrorBody;
import io.openbss.common.error.ErrorMappers;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A service the admin API calls failed: 502 or 504 as on the public port. */
public class ApigExceptionMapper {

    @ServerExceptionMapper
    public Response apig(ApigException e) {
        return answer(e).build();
    }

    /** The admin API's answer to the failure, for a mapper that adds to it. */
    public static Response.ResponseBuilder answer(ApigException e) {
        return Response.status(e.status()).type(MediaType.valueOf(ErrorMappers.JSON_UTF8))
                .entity(new ErrorBody(e.code(), e.getMessage()));
    }
}
