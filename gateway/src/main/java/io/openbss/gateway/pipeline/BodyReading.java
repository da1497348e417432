package io.openbss.gateway.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.tokens.KeystoneTokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Read: the whole body, at most {@code bss.gateway.max-body-bytes}, while {@link Identification} finds its caller.
 * A larger one, announced or sent, is answered 413 APIG.0201 at once; one whose bytes would take the gateway beyond
 * its {@link BodyBudget} is answered 503 APIG.0201 at once, and one that has not arrived whole within
 * {@code bss.gateway.body-read-timeout} 408 APIG.0201. The body of a caller refused meanwhile is dropped as it
 * arrives, and the refusal answered once the request has ended.
 * In HTTP/1 a refused call's connection is closed once the client has sent it (at most {@link #LINGER_MS} later):
 * closing while the client is still sending resets the connection, and the client may never read the answer; in
 * HTTP/2 only its stream is reset, if it is still open then. That call, and one whose client goes away before it is
 * read, goes no further.
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
        /**
         * The refusal of its caller, found while the body arrived: what arrives is dropped, and the refusal answered
         * once the request has ended (closing the connection could cut off the client's next call).
         */
        ApigException callerRefused;
        /** The bytes of the body that have arrived, kept or not. */
        long received;
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

    private Counter dropped;

    @Inject
    void register(MeterRegistry metrics) {
        dropped = Counter.builder("bss.gateway.request.bodies.dropped").baseUnit("bytes")
                .description("Bytes of request bodies dropped as they arrived: refused calls', refused callers'")
                .register(metrics);
    }

    /**
     * Reads the body of {@code call} while {@code identified} (its caller, from the headers) is found: once its caller
     * is refused, what arrives of its body is dropped; the call goes on, or is refused, once both are done.
     */
    Future<PublicCall> read(PublicCall call, Future<PublicCall> identified) {
        HttpServerRequest request = call.request;
        Promise<PublicCall> read = Promise.promise();
        Upload upload = new Upload();
        long maxBytes = maxBytes(call);
        request.handler(chunk -> {
            upload.received += chunk.length();
            if (upload.over) {
                dropped.increment(chunk.length());
            } else if (upload.received > maxBytes) {
                refuse(call, upload, ApigException.tooLarge());
            } else if (upload.callerRefused != null) {
                dropped.increment(chunk.length());
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
            } else if (upload.callerRefused != null) {
                read.fail(upload.callerRefused);
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
                    upload.callerRefused = refusal;
                    upload.body = null;
                    budget.release(call);
                }
            });
        }
        return read.future().compose(body -> identified);
    }

    /**
     * Answers a call whose body will not be read. In HTTP/1 the answer says {@code Connection: close}, so that its
     * client does not send another call on a connection that is about to close. In HTTP/2 only the call's stream
     * ends, and the other calls on the connection go on: what still arrives of its body is dropped, and if the client
     * has not sent it all {@link #LINGER_MS} after the answer, the stream is reset with NO_ERROR, which asks it to
     * stop (RFC 9113, 8.1). Resetting at once would be allowed too, but some clients then lose the answer (curl 7.88
     * shows none; the JDK 17 HttpClient had not returned after 60 s).
     */
    private void refuse(PublicCall call, Upload upload, ApigException refusal) {
        upload.over = true;
        upload.body = null;
        vertx.cancelTimer(upload.deadline);
        HttpServerRequest request = call.request;
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        HttpServerResponse response = request.response();
        if (!http2 && !response.headWritten()) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        answers.fail(call, refusal).onComplete(sent -> {
            upload.closeWhenRead = !http2;
            vertx.setTimer(LINGER_MS, timer -> {
                if (!http2) {
                    request.connection().close();
                } else if (!request.isEnded()) {
                    response.reset(0);
                }
            });
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
