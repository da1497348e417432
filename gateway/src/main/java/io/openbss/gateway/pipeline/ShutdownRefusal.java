package io.openbss.gateway.pipeline;

import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.errors.ErrorAnswer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * A call that arrives while the gateway shuts down ({@link InFlightCalls} refuses it): answered 503 APIG.0201 before
 * anything is done (so not recorded either), and its connection closed once the call is read, so that the client
 * sends its next call elsewhere or later.
 */
final class ShutdownRefusal {

    private ShutdownRefusal() {
    }

    static void answer(HttpServerRequest request, String requestId) {
        Promise<Void> read = Promise.promise();
        if (request.isEnded()) {
            read.complete();
        } else {
            request.handler(chunk -> { });
            request.endHandler(v -> read.tryComplete());
            request.exceptionHandler(failure -> read.tryComplete());
        }
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        Future<Void> written = ErrorAnswer.of(ApigException.shuttingDown(), requestId).write(request.response(),
                requestId);
        Future.join(written, read.future()).onComplete(done -> request.connection().close());
        Vertx.currentContext().owner().setTimer(BodyReading.LINGER_MS, timer -> request.connection().close());
    }
}
