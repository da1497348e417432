package io.openbss.gateway.pipeline;

import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.errors.ApigException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Read: the whole body, at most {@code bss.gateway.max-body-bytes}. A larger one, announced or sent, is answered
 * 413 APIG.0201 at once; one that would take the gateway beyond its {@link BodyBudget} is answered 503 APIG.0201 at
 * once (a body whose length is announced is counted whole before it is read, a chunked one as it arrives). Either
 * refusal's connection is closed once the client has sent it (at most {@link #LINGER_MS} later):
 * closing while the client is still sending resets the connection, and the client may never read the answer. That
 * call, and one whose client goes away before it is read, goes no further.
 */
@Singleton
class BodyReading {

    /** How long a refused oversize upload may go on being read (and discarded) before its connection is closed. */
    static final long LINGER_MS = 2_000;

    /** How far the reading of one call has come. */
    private static final class Upload {
        /** Refused, or abandoned by its client: what still arrives is discarded. */
        boolean over;
        boolean read;
        boolean closeWhenRead;
    }

    @Inject
    GatewayConfig config;

    @Inject
    Answers answers;

    @Inject
    Vertx vertx;

    @Inject
    BodyBudget budget;

    Future<PublicCall> read(PublicCall call) {
        HttpServerRequest request = call.request;
        Promise<PublicCall> read = Promise.promise();
        long declared = declaredLength(request);
        boolean fits = declared <= config.maxBodyBytes();
        // a body of announced length is counted whole before it is read: refused at once, or never refused later
        boolean counted = fits && declared >= 0 && budget.take(call, declared);
        Buffer body = Buffer.buffer(counted ? (int) declared : 0);
        Upload upload = new Upload();
        request.handler(chunk -> {
            if (upload.over) {
                return;
            }
            if (body.length() + chunk.length() > config.maxBodyBytes()) {
                refuse(call, upload, ApigException.tooLarge());
            } else if (declared < 0 && !budget.take(call, chunk.length())) {
                refuse(call, upload, ApigException.bodiesInFlight());
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(failure -> {
            boolean answering = upload.over;
            upload.over = true;
            if (!upload.read && !answering) {
                answers.settle(call); // the client went away before its call was read: nothing more will happen
            }
        });
        request.endHandler(v -> {
            upload.read = true;
            if (upload.closeWhenRead) {
                request.connection().close();
            } else if (!upload.over) {
                call.bodyRead(body);
                read.complete(call);
            }
        });
        if (!fits) {
            refuse(call, upload, ApigException.tooLarge());
        } else if (declared >= 0 && !counted) {
            refuse(call, upload, ApigException.bodiesInFlight());
        }
        return read.future();
    }

    private void refuse(PublicCall call, Upload upload, ApigException refusal) {
        upload.over = true;
        answers.fail(call, refusal).onComplete(sent -> {
            upload.closeWhenRead = true;
            vertx.setTimer(LINGER_MS, timer -> call.request.connection().close());
        });
    }

    /** The body's length as its {@code Content-Length} announces it; -1 when it does not (chunked). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
