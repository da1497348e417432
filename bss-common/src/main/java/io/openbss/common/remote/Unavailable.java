package io.openbss.common.remote;

/**
 * Another service could not answer (5xx, refused or lost connection, timeout, open circuit): whether it did the
 * work is unknown, so work with an idempotency key is retried with the same key.
 */
public class Unavailable extends RuntimeException {

    public Unavailable(String message) {
        super(message, null, false, false);
    }
}
