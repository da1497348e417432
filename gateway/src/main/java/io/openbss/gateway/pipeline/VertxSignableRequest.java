package io.openbss.gateway.pipeline;

import io.openbss.common.signing.SignableRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** A request as the public server received it, with its whole body. */
final class VertxSignableRequest implements SignableRequest {

    private final HttpServerRequest request;
    private final Buffer body;

    VertxSignableRequest(HttpServerRequest request, Buffer body) {
        this.request = request;
        this.body = body;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String rawPath() {
        return request.path();
    }

    @Override
    public String rawQuery() {
        return request.query();
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public byte[] body() {
        return body.getBytes();
    }
}
