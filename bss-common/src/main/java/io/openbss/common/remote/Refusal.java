package io.openbss.common.remote;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorBody;

/** Another service answered 400: it looked at the request and will never do it. Definitive, not retried. */
public class Refusal extends RuntimeException {

    private final ErrorBody body;

    public Refusal(ErrorBody body) {
        super(body.errorCode() + " " + body.errorMsg(), null, false, false);
        this.body = body;
    }

    public ErrorBody body() {
        return body;
    }

    /** The same answer, given by this service to its own caller. */
    public BssException toBssException() {
        return BssException.relayed(body.errorCode(), body.errorMsg());
    }
}
