package io.openbss.gateway.routing;

import io.openbss.common.request.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes the answers the gateway gives itself to the IAM operations it owns. */
final class GatewayResponses {

    static final String JSON = "application/json;charset=UTF-8";

    private GatewayResponses() {
    }

    /** Completes once the answer is written (at once when the response was already ended or closed). */
    static Future<Void> json(HttpServerResponse response, String requestId, int status, JsonObject body) {
        if (response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(status).putHeader("Content-Type", JSON).putHeader(RequestIds.HEADER, requestId)
                .end(Buffer.buffer(body.encode()));
    }
}
