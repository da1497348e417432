package io.openbss.common.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every response carries {@code X-Request-Id}: the gateway's id when the request came through it, a new one
 * otherwise. The id is in the log context of everything the request logs.
 */
public class RequestIdFilter {

    /** The request property holding this request's id. */
    public static final String PROPERTY = "openbss.request-id";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = RequestIds.orNew(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        response.getHeaders().putSingle(RequestIds.HEADER, id != null ? id : RequestIds.generate());
    }
}
