package io.openbss.gateway.admin;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.request.RequestIds;
import io.openbss.gateway.audit.AdminAudit;
import io.openbss.gateway.backends.BackendClient;
import io.openbss.gateway.backends.InternalTokenIssuer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operators reach the services' internal APIs through here ({@code /admin/v1/services/billing/v1/ledger/recharges}
 * calls billing-service's {@code /internal/v1/ledger/recharges}), as the operator named "admin". This keeps the
 * internal token key in the gateway and the services unreachable from outside. Every call but a read is audited.
 */
@Path("/admin/v1/services/{service}/{path: .+}")
public class ServiceAdminResource {

    private static final CallerIdentity OPERATOR = CallerIdentity.operator("admin");

    @Inject
    BackendClient backends;

    @Inject
    InternalTokenIssuer tokens;

    @Inject
    AdminAudit audit;

    @GET
    @Operation(summary = "Call a service's internal API (GET)")
    public Uni<Response> get(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request) {
        return forward(service, path, request, Buffer.buffer());
    }

    @POST
    @Operation(summary = "Call a service's internal API (POST)")
    public Uni<Response> post(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request, byte[] body) {
        return forward(service, path, request, Buffer.buffer(body));
    }

    @PUT
    @Operation(summary = "Call a service's internal API (PUT)")
    public Uni<Response> put(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request, byte[] body) {
        return forward(service, path, request, Buffer.buffer(body));
    }

    @DELETE
    @Operation(summary = "Call a service's internal API (DELETE)")
    public Uni<Response> delete(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request) {
        return forward(service, path, request, Buffer.buffer());
    }

    private Uni<Response> forward(String service, String path, HttpServerRequest request, Buffer body) {
        if (!backends.knows(service) || path.contains("..")) {
            throw new BssException(ErrorCode.NO_SUCH_PATH, "No such service API: " + service + "/" + path);
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Authorization", "Bearer " + tokens.tokenFor(OPERATOR, service))
                .set("Content-Type", "application/json")
                .set(RequestIds.HEADER, RequestIds.orNew(request.getHeader(RequestIds.HEADER)));
        String uri = "/internal/" + path + (request.query() == null ? "" : "?" + request.query());
        Uni<BackendClient.BackendResponse> forward = Uni.createFrom().completionStage(() -> backends.forward(service,
                HttpMethod.valueOf(request.method().name()), uri, headers, body).toCompletionStage());
        return audit.serviceCall(request, body, forward)
                .map(answer -> Response.status(answer.status())
                        .type(answer.headers().get("Content-Type"))
                        .entity(answer.body().getBytes()).build());
    }
}
