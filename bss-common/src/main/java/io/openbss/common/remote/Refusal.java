package io.openbss.common.remote;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorBody;
import io.openbss.common.error.ErrorCode;
import org.jboss.logging.Logger;

/** Another service answered 400: it looked at the request and will never do it. Definitive, not retried. */
public class Refusal extends RuntimeException {

    private static final Logger LOG = Logger.getLogger(Refusal.class);

    private final ErrorBody body;

    public Refusal(ErrorBody body) {
        super(body.errorCode() + " " + body.errorMsg(), null, false, false);
        this.body = body;
    }

    public ErrorBody body() {
        return body;
    }

    /**
     * The same answer, given by this service to its own caller. A parameter error (CBC.0100) is the exception: it
     * names a parameter of the request this service made, which its caller never sent, so it is this service's
     * fault and answered as an internal error.
     */
    public BssException toBssException() {
        if (ErrorCode.BAD_PARAMETER.code().equals(body.errorCode())) {
            LOG.errorf("A service refused a request of this one as malformed: %s %s", body.errorCode(),
                    body.errorMsg());
            return new BssException(ErrorCode.INTERNAL, "Internal error");
        }
        return BssException.relayed(body.errorCode(), body.errorMsg());
    }
}
