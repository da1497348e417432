package io.openbss.common.upstream;

/**
 * A recorded money call: sent, its final answer not known yet ({@code PENDING}); answered for good ({@code DONE});
 * or refused by an upstream that did nothing, so that a later request with the key is a new attempt
 * ({@code REFUSED}: refused payments, and throttled calls of any kind).
 */
public enum UpstreamCallStatus {
    PENDING,
    DONE,
    REFUSED
}
