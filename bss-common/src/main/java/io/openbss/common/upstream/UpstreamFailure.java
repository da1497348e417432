package io.openbss.common.upstream;

/**
 * A call the circuit breaker counts as failed: no answer (timeout, refused or broken connection) or a failing one
 * (5xx, 429), which the caller still gets unchanged once the breaker has counted it.
 */
public class UpstreamFailure extends RuntimeException {

    private final transient UpstreamAnswer answer;

    public UpstreamFailure(UpstreamAnswer answer, String message) {
        super(message, null, false, false);
        this.answer = answer;
    }

    /** The failing answer; null when none came. */
    public UpstreamAnswer answer() {
        return answer;
    }

    /** The upstream throttles (429): sending the request again at once would only be refused again. */
    public static class Throttled extends UpstreamFailure {

        public Throttled(UpstreamAnswer answer) {
            super(answer, "throttled: HTTP 429");
        }
    }
}
