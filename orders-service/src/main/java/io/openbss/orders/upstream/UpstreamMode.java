package io.openbss.orders.upstream;

import io.openbss.common.upstream.UpstreamForwarding;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A linked account's calls are served by the upstream BSS before any resource of this service runs, so that its
 * local data is never read or written (docs/upstream-mode.md). The body is read first: it goes upstream unchanged.
 */
public class UpstreamMode {

    @Inject
    UpstreamForwarding forwarding;

    @ServerRequestFilter(readBody = true, priority = Priorities.AUTHORIZATION)
    public Uni<Response> forward(ContainerRequestContext request, HttpServerRequest http) {
        return forwarding.forward(request, http);
    }
}
