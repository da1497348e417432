package io.openbss.billing.ledger;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Posts movements to the journal, exactly once per idempotency key. The entry, its lines and the balance updates
 * they cause (by trigger) commit in one transaction; the database refuses an unbalanced entry and a cash balance
 * below zero. Written with the SQL client rather than Hibernate because posting relies on
 * {@code ON CONFLICT}, {@code RETURNING} and the constraint that failed.
 */
@ApplicationScoped
public class LedgerService {

    private static final Set<String> BALANCE_CONSTRAINTS = Set.of("cash_never_negative", "credit_within_limit");

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public Uni<PostedEntry> post(Movement movement) {
        return pool.withTransaction(connection -> insertEntry(connection, movement)
                        .flatMap(entryId -> entryId == null
                                ? earlierPosting(connection, movement)
                                : insertLines(connection, entryId, movement)))
                .onFailure(LedgerService::isBalanceConstraint)
                .transform(e -> new BssException(ErrorCode.INSUFFICIENT_BALANCE, "Insufficient balance"));
    }

    private Uni<Long> insertEntry(SqlConnection connection, Movement movement) {
        return connection.preparedQuery("""
                        INSERT INTO journal_entry (idempotency_key, content_hash, trade_type, trade_id, customer_id,
                                                   payment_channel, payment_channel_no, description, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING entry_id""")
                .execute(Tuple.from(Arrays.asList(movement.idempotencyKey(), movement.contentHash(),
                        movement.tradeType().name(), movement.tradeId(), movement.customerId(),
                        movement.paymentChannel(), movement.paymentChannelNo(), movement.description(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("entry_id"));
    }

    private Uni<PostedEntry> insertLines(SqlConnection connection, long entryId, Movement movement) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO journal_line (entry_id, account_id, amount, created_at) VALUES ");
        List<Object> values = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int p = 1;
        for (Movement.Leg leg : movement.legs()) {
            sql.append(p == 1 ? "" : ", ").append("($").append(p).append(", $").append(p + 1).append(", $")
                    .append(p + 2).append(", $").append(p + 3).append(')');
            values.add(entryId);
            values.add(leg.accountId());
            values.add(Numeric.create(leg.amount()));
            values.add(now);
            p += 4;
        }
        sql.append(" RETURNING account_id, amount, balance_after");
        return connection.preparedQuery(sql.toString()).execute(Tuple.from(values))
                .map(rows -> new PostedEntry(entryId, movement.tradeType(), movement.tradeId(), now.toInstant(),
                        lines(rows), false));
    }

    private Uni<PostedEntry> earlierPosting(SqlConnection connection, Movement movement) {
        return connection.preparedQuery("""
                        SELECT e.entry_id, e.content_hash, e.trade_type, e.trade_id, e.created_at,
                               l.account_id, l.amount, l.balance_after
                          FROM journal_entry e JOIN journal_line l ON l.entry_id = e.entry_id
                         WHERE e.idempotency_key = $1
                         ORDER BY l.line_id""")
                .execute(Tuple.of(movement.idempotencyKey()))
                .map(rows -> {
                    Row first = rows.iterator().next();
                    if (!first.getString("content_hash").equals(movement.contentHash())) {
                        throw BssException.badParameter("idempotency key " + movement.idempotencyKey(),
                                "was already used for a different movement");
                    }
                    return new PostedEntry(first.getLong("entry_id"), TradeType.valueOf(first.getString("trade_type")),
                            first.getString("trade_id"), first.getOffsetDateTime("created_at").toInstant(),
                            lines(rows), true);
                });
    }

    private static List<PostedEntry.Line> lines(RowSet<Row> rows) {
        List<PostedEntry.Line> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(new PostedEntry.Line(row.getString("account_id"), row.getBigDecimal("amount"),
                    row.getBigDecimal("balance_after")));
        }
        return lines;
    }

    private static boolean isBalanceConstraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && BALANCE_CONSTRAINTS.contains(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }

}
