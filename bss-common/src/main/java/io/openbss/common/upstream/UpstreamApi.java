package io.openbss.common.upstream;

import io.openbss.common.request.Language;
import io.openbss.common.request.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The gateway's egress to the upstream BSS: any public path, as the client sent it. {@code target} is the raw path
 * without its leading slash followed by {@code ?} and the raw query when there is one: it is passed encoded, so
 * that repeated keys and percent-escapes reach the upstream exactly as the client wrote them. Built without the
 * default exception mapper, so every answer, 4xx and 5xx included, comes back as a response.
 */
@Path("/internal/upstream")
public interface UpstreamApi {

    /** The local account whose link the egress signs with. */
    String LINKED_DOMAIN = "X-Bss-Linked-Domain";
    /** The request id the upstream gave the call, which the gateway writes into the audit record. */
    String UPSTREAM_REQUEST_ID = "X-Upstream-Request-Id";
    /** The egress's answer for an account that is not (or no longer) linked: nothing was sent. */
    int NOT_LINKED = 409;
    /**
     * Marks an answer the egress gave without sending the call because the upstream's quota, which it keeps, had no
     * room (429) or could not be counted (503): it says nothing about the upstream's health.
     */
    String HELD_BACK = "X-Bss-Held-Back";

    @GET
    @Path("{target: .*}")
    Uni<Response> get(@PathParam("target") @Encoded String target, @HeaderParam(LINKED_DOMAIN) String domain,
            @HeaderParam(RequestIds.HEADER) String requestId, @HeaderParam(Language.HEADER) String language);

    @DELETE
    @Path("{target: .*}")
    Uni<Response> delete(@PathParam("target") @Encoded String target, @HeaderParam(LINKED_DOMAIN) String domain,
            @HeaderParam(RequestIds.HEADER) String requestId, @HeaderParam(Language.HEADER) String language);

    @POST
    @Path("{target: .*}")
    Uni<Response> post(@PathParam("target") @Encoded String target, @HeaderParam(LINKED_DOMAIN) String domain,
            @HeaderParam(RequestIds.HEADER) String requestId, @HeaderParam(Language.HEADER) String language,
            @HeaderParam("Content-Type") String contentType, byte[] body);

    @PUT
    @Path("{target: .*}")
    Uni<Response> put(@PathParam("target") @Encoded String target, @HeaderParam(LINKED_DOMAIN) String domain,
            @HeaderParam(RequestIds.HEADER) String requestId, @HeaderParam(Language.HEADER) String language,
            @HeaderParam("Content-Type") String contentType, byte[] body);
}
