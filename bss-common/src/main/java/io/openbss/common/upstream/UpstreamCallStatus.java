package io.openbss.common.upstream;

/** A recorded money call: sent, its final answer not known yet ({@code PENDING}), or answered for good. */
public enum UpstreamCallStatus {
    PENDING,
    DONE
}
