package io.openbss.common.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.common.time.ShiftableClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciler against a real PostgreSQL: an embedded one, or the server BSS_TEST_PG_URL names. */
class ReconcilerTest {

    private static EmbeddedPostgres embedded;
    private static Vertx vertx;
    private static Pool pool;

    private final ShiftableClock clock = new ShiftableClock();
    private String table;

    @BeforeAll
    static void startPostgres() throws IOException {
        String url = System.getenv("BSS_TEST_PG_URL");
        PgConnectOptions options;
        if (url != null && !url.isBlank()) {
            options = PgConnectOptions.fromUri(url.replaceFirst("^jdbc:", ""));
        } else {
            File work = new File("target/embedded-pg");
            work.mkdirs();
            embedded = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work).start();
            options = new PgConnectOptions().setHost("localhost").setPort(embedded.getPort()).setDatabase("postgres")
                    .setUser("postgres").setPassword("postgres");
        }
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(options).using(vertx).build();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        if (embedded != null) {
            embedded.close();
        }
    }

    @BeforeEach
    void aWorkTable() {
        table = "work_" + UUID.randomUUID().toString().replace("-", "");
        sql("CREATE TABLE " + table + " (id TEXT PRIMARY KEY, status TEXT NOT NULL, attempts INT NOT NULL DEFAULT 0,"
                + " next_attempt_at TIMESTAMPTZ)");
    }

    @Test
    void aClaimedRowIsNotClaimedAgainUntilItsNextAttempt() {
        Reconciler reconciler = reconciler(10, OptionalInt.empty());
        record("a", "PENDING", clock.instant());
        assertThat(claimed(reconciler.claimDue())).containsExactly("a");
        assertThat(claimed(reconciler.claimDue())).isEmpty();
        clock.advance(Duration.ofSeconds(29));
        assertThat(claimed(reconciler.claimDue())).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(claimed(reconciler.claimDue())).containsExactly("a");
    }

    @Test
    void eachClaimDoublesTheWaitUpToTheMaximumAndCountsTheAttempt() {
        Reconciler reconciler = reconciler(10, OptionalInt.empty());
        record("a", "PENDING", clock.instant());
        for (int attempt = 1; attempt <= 6; attempt++) {
            Instant now = clock.instant();
            Row claimed = reconciler.claimDue().await().indefinitely().getFirst();
            assertThat(claimed.getInteger("attempts")).isEqualTo(attempt);
            Duration wait = Duration.between(now, claimed.getOffsetDateTime("next_attempt_at").toInstant());
            Duration expected = Duration.ofSeconds(Math.min(300, 30L << (attempt - 1)));
            // the claim reads the clock a moment after the test did
            assertThat(wait).isBetween(expected, expected.plusSeconds(1));
            clock.advance(wait);
        }
    }

    @Test
    void onlyDuePendingRowsAreClaimedOldestFirstABatchAtATime() {
        Reconciler reconciler = reconciler(2, OptionalInt.empty());
        Instant now = clock.instant();
        record("late", "PENDING", now.minusSeconds(10));
        record("early", "PENDING", now.minusSeconds(30));
        record("unscheduled", "PENDING", null);
        record("done", "SUCCEEDED", now.minusSeconds(60));
        record("later", "PENDING", now.plusSeconds(60));
        assertThat(claimed(reconciler.claimDue())).containsExactlyInAnyOrder("unscheduled", "early");
        assertThat(claimed(reconciler.claimDue())).containsExactly("late");
        assertThat(reconciler.countPending().await().indefinitely()).isEqualTo(4);
    }

    @Test
    void concurrentClaimsNeverShareARow() {
        Reconciler first = reconciler(7, OptionalInt.empty());
        Reconciler second = reconciler(7, OptionalInt.empty());
        for (int i = 0; i < 20; i++) {
            record("w" + i, "PENDING", clock.instant().minusSeconds(i));
        }
        List<List<String>> claims = Uni.join().all(List.of(first.claimDue().map(ReconcilerTest::ids),
                second.claimDue().map(ReconcilerTest::ids), first.claimDue().map(ReconcilerTest::ids)))
                .andFailFast().await().indefinitely();
        Set<String> seen = new HashSet<>();
        claims.forEach(claim -> claim.forEach(id -> assertThat(seen.add(id)).as(id).isTrue()));
        assertThat(seen).hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void itGivesUpAfterTheLastAttemptAndTheRowStaysPending() {
        Reconciler reconciler = reconciler(10, OptionalInt.of(3));
        record("a", "PENDING", clock.instant());
        AtomicInteger tries = new AtomicInteger();
        for (int run = 0; run < 5; run++) {
            long backlog = reconciler.run(row -> {
                tries.incrementAndGet();
                return Uni.createFrom().failure(new IllegalStateException("billing is away"));
            }).await().indefinitely();
            assertThat(backlog).isEqualTo(1);
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(tries).hasValue(3);
        assertThat(claimed(reconciler.claimDue())).isEmpty();
    }

    @Test
    void aRunAttemptsEveryClaimedRowEvenAfterOneFails() {
        Reconciler reconciler = reconciler(10, OptionalInt.empty());
        record("a", "PENDING", clock.instant());
        record("b", "PENDING", clock.instant());
        List<String> finished = new ArrayList<>();
        long backlog = reconciler.run(row -> {
            String id = row.getString("id");
            if (id.equals("a")) {
                return Uni.createFrom().failure(new IllegalStateException("refused"));
            }
            return pool.preparedQuery("UPDATE " + table + " SET status = 'SUCCEEDED' WHERE id = $1")
                    .execute(Tuple.of(id)).invoke(() -> finished.add(id));
        }).await().indefinitely();
        assertThat(finished).containsExactly("b");
        assertThat(backlog).isEqualTo(1);
    }

    private Reconciler reconciler(int batch, OptionalInt maxAttempts) {
        return new Reconciler(pool, clock, new PendingWork(table, List.of("id"), Map.of("status", "PENDING")),
                new RetryPolicy(batch, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5),
                        maxAttempts));
    }

    private void record(String id, String status, Instant due) {
        pool.preparedQuery("INSERT INTO " + table + " (id, status, next_attempt_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(id, status, due == null ? null : OffsetDateTime.ofInstant(due, ZoneOffset.UTC)))
                .await().indefinitely();
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }

    private static List<String> claimed(Uni<List<Row>> claim) {
        return ids(claim.await().indefinitely());
    }

    private static List<String> ids(List<Row> rows) {
        return rows.stream().map(row -> row.getString("id")).toList();
    }
}
