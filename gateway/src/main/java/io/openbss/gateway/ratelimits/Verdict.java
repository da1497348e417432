package io.openbss.gateway.ratelimits;

import java.util.List;

/**
 * What the quotas of one request decided: admitted (counted in every quota) or refused (counted in none), when (in
 * microseconds of the counter's clock: comparable only with other verdicts of the same counter), and how each quota
 * stands afterwards.
 */
public record Verdict(boolean admitted, long decidedAtMicros, List<Standing> standings) {

    /** A quota after the decision: how many more requests it admits now, and in how many ms it admits one more. */
    public record Standing(Quota quota, int remaining, long resetMillis) {
    }

    /** How long a refused client should wait: until every exhausted quota admits again. */
    public long retryAfterMillis() {
        return standings.stream().filter(s -> s.remaining() == 0).mapToLong(Standing::resetMillis).max().orElse(0);
    }

    /** The quota that refused the request (the first exhausted one), or the tightest one of an admitted request. */
    public Standing deciding() {
        Standing tightest = standings.getFirst();
        for (Standing standing : standings) {
            if (standing.remaining() < tightest.remaining()) {
                tightest = standing;
            }
        }
        return tightest;
    }
}
