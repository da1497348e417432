package io.openbss.gateway.errors;

import io.openbss.common.error.BssException;
import io.openbss.common.request.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * A failure as the public port answers it (shared/api/errors.md): the gateway's own refusals in the APIG envelope
 * {@code {"error_code","error_msg","request_id"}}, the refusals it gives on behalf of services ({@link BssException})
 * in the CBC envelope {@code {"error_code","error_msg"}}, and anything unexpected, logged, as 502 APIG.0201.
 */
public record ErrorAnswer(int status, String code, JsonObject body) {

    private static final Logger LOG = Logger.getLogger(ErrorAnswer.class);
    private static final String JSON = "application/json;charset=UTF-8";

    public static ErrorAnswer of(ApigException error, String requestId) {
        return new ErrorAnswer(error.status(), error.code(), new JsonObject().put("error_code", error.code())
                .put("error_msg", error.getMessage()).put("request_id", requestId));
    }

    /** The answer to any failure of a public call; a failure that is no refusal is logged. */
    public static ErrorAnswer of(Throwable failure, String requestId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ApigException apig) {
            return of(apig, requestId);
        }
        if (cause instanceof BssException bss) {
            return new ErrorAnswer(bss.status(), bss.code(),
                    new JsonObject().put("error_code", bss.code()).put("error_msg", bss.getMessage()));
        }
        LOG.error("gateway failure", cause);
        return of(ApigException.backendUnavailable(), requestId);
    }

    /** Completes once the answer is written (at once when the response was already ended or closed). */
    public Future<Void> write(HttpServerResponse response, String requestId) {
        if (response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(status).putHeader("Content-Type", JSON).putHeader(RequestIds.HEADER, requestId)
                .end(Buffer.buffer(body.encode()));
    }
}
