package io.openbss.common.upstream;

/**
 * No answer came from the upstream: the call timed out or its connection failed, or it was not made because the
 * breaker is open or the bulkhead full. Whether the upstream did the work is unknown unless {@link #notSent()}.
 */
public class UpstreamUnreachable extends RuntimeException {

    private final boolean notSent;

    public UpstreamUnreachable(String message, boolean notSent) {
        super(message, null, false, false);
        this.notSent = notSent;
    }

    /** The breaker or the bulkhead refused the call: nothing was sent. */
    public boolean notSent() {
        return notSent;
    }
}
