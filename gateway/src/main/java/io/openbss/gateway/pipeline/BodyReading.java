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
 * 413 APIG.0201 at once, and its connection closed once the client has sent it (at most {@link #LINGER_MS} later):
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

    Future<PublicCall> read(PublicCall call) {
        HttpServerRequest request = call.request;
        Promise<PublicCall> read = Promise.promise();
        Buffer body = Buffer.buffer();
        Upload upload = new Upload();
        request.handler(chunk -> {
            if (upload.over) {
                return;
            }
            body.appendBuffer(chunk);
            if (body.length() > config.maxBodyBytes()) {
                refuse(call, upload);
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
        String length = request.getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            refuse(call, upload);
        }
        return read.future();
    }

    private void refuse(PublicCall call, Upload upload) {
        upload.over = true;
        answers.fail(call, ApigException.tooLarge()).onComplete(sent -> {
            upload.closeWhenRead = true;
            vertx.setTimer(LINGER_MS, timer -> call.request.connection().close());
        });
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > config.maxBodyBytes();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
