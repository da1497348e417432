package io.openbss.gateway.pipeline;

import io.openbss.gateway.backends.BackendClient;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** The answer to a performed call: the owning service's, or the gateway's own for the IAM operations it owns. */
record Reply(int status, MultiMap headers, Buffer body) {

    static final String JSON = "application/json;charset=UTF-8";

    static Reply of(BackendClient.BackendResponse answer) {
        return new Reply(answer.status(), answer.headers(), answer.body());
    }

    static Reply noContent() {
        return new Reply(204, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer());
    }

    static Reply json(int status, JsonObject body) {
        return new Reply(status, MultiMap.caseInsensitiveMultiMap().set("Content-Type", JSON),
                Buffer.buffer(body.encode()));
    }
}
