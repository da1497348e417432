package io.openbss.gateway.upstream;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.upstream.UpstreamApi;
import io.openbss.gateway.errors.ApigExceptionMapper;
import io.openbss.gateway.input.InputGate;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The egress of upstream mode, on the admin port, for services only: {@code GET /internal/upstream/v2/...} sends
 * the public operation {@code GET /v2/...} of the account that {@code X-Bss-Linked-Domain} names to its upstream
 * ({@link UpstreamEgress}). A call the upstream's quota held back is answered with {@link UpstreamApi#HELD_BACK}, so
 * that the service does not take our own refusal for the upstream failing.
 */
@Path("/internal/upstream/{path: .+}")
@RolesAllowed(InternalToken.GROUP_SERVICE)
public class UpstreamEgressResource {

    static final String PREFIX = "/internal/upstream";

    @Inject
    UpstreamEgress egress;

    @GET
    @Operation(summary = "Send a linked account's view upstream")
    public Uni<Response> get(@Context HttpServerRequest request) {
        return send(request, Buffer.buffer());
    }

    @POST
    @Operation(summary = "Send a linked account's call upstream")
    public Uni<Response> post(@Context HttpServerRequest request, byte[] body) {
        return send(request, Buffer.buffer(body));
    }

    @PUT
    @Operation(summary = "Send a linked account's call upstream")
    public Uni<Response> put(@Context HttpServerRequest request, byte[] body) {
        return send(request, Buffer.buffer(body));
    }

    @DELETE
    @Operation(summary = "Send a linked account's call upstream")
    public Uni<Response> delete(@Context HttpServerRequest request) {
        return send(request, Buffer.buffer());
    }

    private Uni<Response> send(HttpServerRequest request, Buffer body) {
        String domainId = request.getHeader(UpstreamApi.LINKED_DOMAIN);
        if (domainId == null || domainId.isBlank()) {
            throw BssException.badParameter(UpstreamApi.LINKED_DOMAIN, "is required");
        }
        String path = request.path().substring(PREFIX.length());
        if (!InputGate.isCanonicalPath(path)) {
            throw BssException.badParameter("path", "is not a canonical path");
        }
        UpstreamEgress.Call call = new UpstreamEgress.Call(domainId, request.method(), path, request.query(),
                request.getHeader("Content-Type"), request.getHeader("X-Language"), body);
        return Uni.createFrom().completionStage(() -> egress.send(call).toCompletionStage())
                .map(answer -> {
                    Response.ResponseBuilder response = Response.status(answer.status())
                            .entity(answer.body().getBytes());
                    if (answer.contentType() != null) {
                        response.header("Content-Type", answer.contentType());
                    }
                    if (answer.upstreamRequestId() != null) {
                        response.header(UpstreamApi.UPSTREAM_REQUEST_ID, answer.upstreamRequestId());
                    }
                    return response.build();
                });
    }

    @ServerExceptionMapper
    public Response heldBack(UpstreamQuotas.HeldBack refusal) {
        return ApigExceptionMapper.answer(refusal).header(UpstreamApi.HELD_BACK, "true").build();
    }
}
