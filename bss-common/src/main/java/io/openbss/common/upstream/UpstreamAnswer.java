package io.openbss.common.upstream;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** What the upstream (or the egress on its behalf) answered, given back to the client unchanged. */
public record UpstreamAnswer(int status, String contentType, byte[] body, String upstreamRequestId) {

    public UpstreamAnswer {
        body = body == null ? new byte[0] : body;
    }

    /**
     * Whether the answer settles the request: a 2xx or 4xx. A 5xx may come after the upstream did the work; the
     * egress's {@link UpstreamApi#NOT_LINKED} (the account was unlinked meanwhile) sent nothing now, while an earlier
     * attempt may have.
     */
    public boolean definitive() {
        return status < 500 && status != UpstreamApi.NOT_LINKED;
    }

    /** An answer the circuit breaker counts as a failure: the upstream is failing (5xx) or throttling (429). */
    boolean failing() {
        return status >= 500 || status == 429;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status);
        if (body.length > 0) {
            response.entity(body);
        }
        if (contentType != null) {
            response.header("Content-Type", contentType);
        }
        if (upstreamRequestId != null) {
            response.header(UpstreamApi.UPSTREAM_REQUEST_ID, upstreamRequestId);
        }
        return response.build();
    }
}
