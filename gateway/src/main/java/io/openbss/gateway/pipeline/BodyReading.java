package io.openbss.gateway.pipeline;

import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.tokens.KeystoneTokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Read: the whole body, at most {@code bss.gateway.max-body-bytes}, while {@link Identification} finds its caller. A larger one, announced or sent, is answered
 * 413 APIG.0201 at once; one whose bytes would take the gateway beyond its {@link BodyBudget} is answered 503
 * APIG.0201 at once, and one that has not arrived whole within {@code bss.gateway.body-read-timeout} 408 APIG.0201.
 * A refused call's connection is closed once the client has sent it (at most {@link #LINGER_MS} later):
 * closing while the client is still sending resets the connection, and the client may never read the answer. That
 * call, and one whose client goes away before it is read, goes no further.
 */
@Singleton
class BodyReading {

    /** How long a refused oversize upload may go on being read (and discarded) before its connection is closed. */
    static final long LINGER_MS = 2_000;

    /** The largest token request: a Keystone password or token request is well under a kilobyte. */
    static final long TOKEN_REQUEST_MAX_BYTES = 64 * 1024;

    /** How far the reading of one call has come. */
    private static final class Upload {
        /** What has arrived; dropped as soon as the upload is refused or abandoned (its connection may linger). */
        Buffer body = Buffer.buffer();
        /** Refused, or abandoned by its client: what still arrives is discarded. */
        boolean over;
        boolean read;
        boolean closeWhenRead;
        /** The timer of {@code bss.gateway.body-read-timeout}, cancelled once the upload is over; -1 without one. */
        long deadline = -1;
    }

    @Inject
    GatewayConfig config;

    @Inject
    Answers answers;

    @Inject
    Vertx vertx;

    @Inject
    BodyBudget budget;

    /**
     * Reads the body of {@code call} while {@code identified} (its caller, from the headers) is found: a body whose
     * caller is refused before it has arrived is refused at once, as an oversize one is; the call goes on once both
     * are done.
     */
    Future<PublicCall> read(PublicCall call, Future<PublicCall> identified) {
        HttpServerRequest request = call.request;
        Promise<PublicCall> read = Promise.promise();
        Upload upload = new Upload();
        long maxBytes = maxBytes(call);
        request.handler(chunk -> {
            if (upload.over) {
                return;
            }
            if (upload.body.length() + chunk.length() > maxBytes) {
                refuse(call, upload, ApigException.tooLarge());
            } else if (!budget.take(call, chunk.length())) {
                refuse(call, upload, ApigException.bodiesInFlight());
            } else {
                upload.body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(failure -> {
            boolean answering = upload.over;
            upload.over = true;
            upload.body = null;
            vertx.cancelTimer(upload.deadline);
            if (!upload.read && !answering) {
                answers.settle(call); // the client went away before its call was read: nothing more will happen
            }
        });
        request.endHandler(v -> {
            upload.read = true;
            vertx.cancelTimer(upload.deadline);
            if (upload.closeWhenRead) {
                request.connection().close();
            } else if (!upload.over) {
                call.bodyRead(upload.body);
                read.complete(call);
            }
        });
        String length = request.getHeader("Content-Length");
        if (length != null && tooLarge(length, maxBytes)) {
            refuse(call, upload, ApigException.tooLarge());
        } else if (!request.isEnded() && announcesBody(request)) {
            upload.deadline = vertx.setTimer(config.bodyReadTimeout().toMillis(), timer -> {
                if (!upload.read && !upload.over) {
                    refuse(call, upload, ApigException.bodyTimeout(config.bodyReadTimeout()));
                }
            });
            identified.onFailure(failure -> {
                if (!upload.read && !upload.over && failure instanceof ApigException refusal) {
                    refuse(call, upload, refusal);
                }
            });
        }
        return read.future().compose(body -> identified);
    }

    private void refuse(PublicCall call, Upload upload, ApigException refusal) {
        upload.over = true;
        upload.body = null;
        vertx.cancelTimer(upload.deadline);
        answers.fail(call, refusal).onComplete(sent -> {
            upload.closeWhenRead = true;
            vertx.setTimer(LINGER_MS, timer -> call.request.connection().close());
        });
    }

    /**
     * Whether a body may follow: in HTTP/1 only when {@code Content-Length} or {@code Transfer-Encoding} announces one,
     * so that a GET gets no timer; in HTTP/2 whenever the stream is still open.
     */
    private static boolean announcesBody(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * A token request is read before anything authenticates it (its body may name a password), so it may hold only
     * what a Keystone token request needs, {@link #TOKEN_REQUEST_MAX_BYTES}; any other call up to the configured
     * maximum, once its headers name a caller.
     */
    private long maxBytes(PublicCall call) {
        return call.operation().name().equals(KeystoneTokens.CREATE_TOKEN) ? TOKEN_REQUEST_MAX_BYTES
                : config.maxBodyBytes();
    }

    private static boolean tooLarge(String contentLength, long maxBytes) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
