package io.openbss.gateway.upstream;

import io.vertx.core.Future;

/**
 * The slots of the upstream quotas. A call takes a slot when it is admitted and holds it until one window after its
 * answer came (or, if none comes, until its hold runs out): a quota of {@code limit} admits a call only while fewer
 * than {@code limit} slots are held. Since the upstream counts a call somewhere between its sending and its answer,
 * no window of the upstream's can then count more than {@code limit} calls, whatever the network's delays.
 */
interface Slots {

    /** A decision: taken, or not, with how long until a slot frees ({@code -1}: when a call in flight is answered). */
    record Taking(boolean taken, long retryAfterMillis) {
    }

    Future<Taking> take(String quota, String call, int limit);

    /** The call's answer came (or it failed): its slot is held one more window from now. */
    Future<Void> answered(String quota, String call);
}
