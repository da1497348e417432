package io.openbss.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL had done so far beside running statements: its background processes' CPU ticks, the WAL it wrote
 * (bytes, and full-page images: the first change of a page after a checkpoint writes the whole page), checkpoints,
 * and autovacuum and autoanalyze runs on the platform's tables. Taken before and after a run, it says what of the
 * run's PostgreSQL CPU was maintenance, its own or what an earlier run left behind. When PostgreSQL cannot be asked
 * (-1 in its figures), only the background processes' CPU is said.
 */
record PgActivity(long backgroundTicks, long walBytes, long fullPages, long checkpoints, long maintenance) {

    static PgActivity of(BenchPlatform platform) {
        long background = CpuBudget.backgroundTicks(platform);
        try (Connection db = platform.jdbc(); Statement s = db.createStatement(); ResultSet r = s.executeQuery("""
                SELECT (SELECT wal_bytes FROM pg_stat_wal)::bigint,
                       (SELECT wal_fpi FROM pg_stat_wal),
                       (SELECT num_timed + num_requested FROM pg_stat_checkpointer),
                       (SELECT sum(autovacuum_count + autoanalyze_count) FROM pg_stat_all_tables)::bigint""")) {
            r.next();
            return new PgActivity(background, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
        } catch (SQLException e) {
            return new PgActivity(background, -1, -1, -1, -1);
        }
    }

    /** What happened since {@code before}, per request where that is a rate. */
    String since(PgActivity before, int requests) {
        String background = String.format("PostgreSQL's background processes %.3f CPU ms per request",
                CpuBudget.ms(backgroundTicks - before.backgroundTicks, requests));
        if (walBytes < 0 || before.walBytes < 0) {
            return background;
        }
        return background + String.format("; WAL %.2f KiB per request, %.2f full pages per request;"
                + " %d checkpoints, %d autovacuum and autoanalyze runs during the run",
                (walBytes - before.walBytes) / 1024.0 / requests, (fullPages - before.fullPages) / (double) requests,
                checkpoints - before.checkpoints, maintenance - before.maintenance);
    }
}
