package io.openbss.gateway.routing;

import io.openbss.common.request.RequestIds;
import io.openbss.gateway.auth.ApigException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes the gateway's own answers: APIG errors and the CBC access errors it gives on behalf of services. */
final class GatewayResponses {

    static final String JSON = "application/json;charset=UTF-8";

    private GatewayResponses() {
    }

    static Future<Void> apigError(HttpServerResponse response, String requestId, ApigException error) {
        JsonObject body = new JsonObject().put("error_code", error.code()).put("error_msg", error.getMessage())
                .put("request_id", requestId);
        return json(response, requestId, error.status(), body);
    }

    static void cbcError(HttpServerResponse response, String requestId, int status, String code, String message) {
        json(response, requestId, status, new JsonObject().put("error_code", code).put("error_msg", message));
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
