package io.openbss.common.reconcile;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Finishes half-done work, the one way every service does it: a request records its intent (due after the grace),
 * acts with an idempotency key, and whatever a crash or an outage leaves pending is claimed here, a batch of due
 * rows at a time, and attempted again with the same key. Claiming moves a row's next attempt away first (by the
 * {@link RetryPolicy}'s backoff), in the statement that locks it, so that another run or replica skips it while it
 * is worked on; an attempt that fails leaves it pending for its next turn; one that had all its attempts is no
 * longer claimed and waits for an operator. How a row is finished or compensated is the caller's.
 */
public final class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final Pool pool;
    private final Clock clock;
    private final PendingWork work;
    private final RetryPolicy policy;
    private final String claim;
    private final String count;

    public Reconciler(Pool pool, Clock clock, PendingWork work, RetryPolicy policy) {
        this.pool = pool;
        this.clock = clock;
        this.work = work;
        this.policy = policy;
        int first = 5;
        String keys = String.join(", ", work.keyColumns());
        String join = work.keyColumns().stream().map(k -> "t." + k + " = due." + k)
                .collect(Collectors.joining(" AND "));
        String giveUp = policy.maxAttempts().isPresent()
                ? " AND attempts < $" + (first + work.pendingWhen().size()) : "";
        // the due rows are claimed once (a materialized query), whatever plan joins them to the update: as a
        // subquery, a plan may run the claim again for every row it joins
        this.claim = "WITH due AS MATERIALIZED (SELECT " + keys + " FROM " + work.table()
                + " WHERE " + work.condition("", first) + " AND (next_attempt_at IS NULL OR next_attempt_at <= $1)"
                + giveUp + " ORDER BY next_attempt_at NULLS FIRST LIMIT $4 FOR UPDATE SKIP LOCKED)"
                + " UPDATE " + work.table() + " t SET attempts = t.attempts + 1,"
                + " next_attempt_at = $1 + make_interval(secs => ($2::float8[])[LEAST(t.attempts, $3) + 1])"
                + " FROM due WHERE " + join + " RETURNING t.*";
        this.count = "SELECT count(*) FROM " + work.table() + " WHERE " + work.condition("", 1);
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** When work recorded now is first due to the reconciler: after the grace. */
    public OffsetDateTime firstAttemptAt(Instant recorded) {
        return utc(recorded.plus(policy.grace()));
    }

    /**
     * Claims up to a batch of due pending rows, oldest due first, each with its attempts counted and its next
     * attempt moved away; rows another run holds are skipped.
     */
    public Uni<List<Row>> claimDue() {
        List<Double> schedule = policy.schedule();
        List<Object> values = new ArrayList<>(List.of(utc(clock.instant()), schedule.toArray(Double[]::new),
                schedule.size() - 1, policy.batchSize()));
        values.addAll(work.pendingValues());
        policy.maxAttempts().ifPresent(values::add);
        return pool.preparedQuery(claim).execute(Tuple.from(values)).map(rows -> {
            List<Row> due = new ArrayList<>();
            rows.forEach(due::add);
            return due;
        });
    }

    /**
     * Claims the due rows and attempts each in turn; a failed attempt is logged and its row stays pending. Answers
     * how many rows are pending afterwards (given up ones included): the backlog a service reports.
     */
    public Uni<Long> run(Function<Row, Uni<?>> attempt) {
        return claimDue()
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(row -> Uni.createFrom().deferred(() -> attempt.apply(row))
                        .replaceWithVoid()
                        .onFailure().recoverWithItem(failure -> {
                            failed(row, failure);
                            return null;
                        }))
                .collect().last()
                .chain(this::countPending);
    }

    /** The rows still pending. */
    public Uni<Long> countPending() {
        return pool.preparedQuery(count).execute(Tuple.from(work.pendingValues()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private void failed(Row row, Throwable failure) {
        int attempts = row.getInteger("attempts");
        String what = work.table() + " " + work.keyColumns().stream().map(k -> String.valueOf(row.getValue(k)))
                .collect(Collectors.joining("/"));
        if (policy.exhausted(attempts)) {
            LOG.errorf("%s: attempt %d failed, the last one; it stays pending for an operator: %s", what, attempts,
                    failure.toString());
        } else {
            LOG.warnf("%s: attempt %d failed, tried again in %s: %s", what, attempts,
                    policy.waitAfter(attempts - 1), failure.toString());
        }
    }
}
