package io.openbss.common.upstream;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** What the upstream (or the egress on its behalf) answered, given back to the client unchanged. */
public record UpstreamAnswer(int status, String contentType, byte[] body, String upstreamRequestId) {

    public UpstreamAnswer {
        body = body == null ? new byte[0] : body;
    }

    /**
     * Whether the answer settles the request: anything but a 5xx. A 4xx is final too, the egress's 429 and 409
     * included (nothing was sent upstream); a 5xx may come after the upstream did the work.
     */
    public boolean definitive() {
        return status < 500;
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
