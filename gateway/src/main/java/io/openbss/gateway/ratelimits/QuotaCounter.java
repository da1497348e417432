package io.openbss.gateway.ratelimits;

import io.vertx.core.Future;
import java.util.List;

/**
 * Counts admissions over a sliding one-second window: a request is admitted only if every one of its quotas has
 * admitted fewer than its limit in the last second, and then it counts in all of them, atomically.
 */
public interface QuotaCounter {

    long WINDOW_MILLIS = 1000;

    Future<Verdict> acquire(List<Quota> quotas);
}
