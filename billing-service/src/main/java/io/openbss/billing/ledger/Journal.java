package io.openbss.billing.ledger;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.sql.SqlRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's statements, run on a connection inside the caller's transaction: claim an idempotency key by
 * opening an entry, lock accounts, write lines (the database moves the balances). Composite operations (charges,
 * refunds, usage deductions) put these together in one transaction.
 */
@ApplicationScoped
public class Journal {

    /** An account as locked for a movement. */
    public record LockedAccount(String accountId, String customerId, String accountType, String instrumentId,
            BigDecimal balance, BigDecimal creditLimit) {
    }

    @Inject
    Clock clock;

    @Inject
    LedgerMeters meters;

    /**
     * Posts a movement: its first posting, or the earlier one with the same key and content. The caller must hold
     * the locks of the movement's accounts (taken in account order before this), so that each account's lines are
     * numbered in the order they move it.
     */
    public Uni<PostedEntry> post(SqlConnection connection, Movement movement) {
        return open(connection, movement.header()).flatMap(entryId -> entryId == null
                ? earlier(connection, movement.header())
                : write(connection, entryId, movement.header(), movement.legs()));
    }

    /**
     * Claims the header's idempotency key and does the work of a first posting (lock, decide, write), or returns the
     * earlier posting under the key. For movements whose lines depend on balances, so that a replay is recognised
     * by the request, not by lines that would come out differently the second time.
     */
    public Uni<PostedEntry> claimed(SqlConnection connection, EntryHeader header,
            java.util.function.Function<Long, Uni<PostedEntry>> firstPosting) {
        return open(connection, header).flatMap(entryId -> entryId == null
                ? earlier(connection, header) : firstPosting.apply(entryId));
    }

    /** The columns of an entry, which {@link #ENTRY_VALUES} fills from {@link #entryValues}. */
    static final String ENTRY_COLUMNS = """
            idempotency_key, content_hash, trade_type, detail_type, trade_id, customer_id, service_type_code,
            payment_channel_id, payment_channel_no, description, refunds_trade_id, created_at, business_time""";

    /** The parameters $1-$13 of an entry's values, typed, so that they can be selected as well as inserted. */
    static final String ENTRY_VALUES = """
            $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::smallint, $9::text, $10::text,
            $11::text, $12::timestamptz, $13::timestamptz""";

    /** The values of {@link #ENTRY_VALUES}: the header's, created {@code now}. */
    List<Object> entryValues(EntryHeader header, OffsetDateTime now) {
        return Arrays.asList(header.idempotencyKey(), header.contentHash(), header.tradeType().name(),
                header.detailType(), header.tradeId(), header.customerId(), header.serviceTypeCode(),
                header.paymentChannelId() == null ? null : header.paymentChannelId().shortValue(),
                header.paymentChannelNo(), header.description(), header.refundsTradeId(), now, businessTime(header));
    }

    /**
     * Inserts the entry, unless one with this idempotency key exists: then null. A concurrent transaction with the
     * same key waits here until the first commits (and gets null) or rolls back (and gets the key).
     */
    public Uni<Long> open(SqlConnection connection, EntryHeader header) {
        return connection.preparedQuery("INSERT INTO journal_entry (" + ENTRY_COLUMNS + ") VALUES (" + ENTRY_VALUES
                        + ") ON CONFLICT (idempotency_key) DO NOTHING RETURNING entry_id")
                .execute(Tuple.from(entryValues(header, now())))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("entry_id"));
    }

    /**
     * The earlier entry with the header's key; 400 when its content differs. An entry that moved nothing has no
     * lines, and is returned with none.
     */
    public Uni<PostedEntry> earlier(SqlClient client, EntryHeader header) {
        return client.preparedQuery("""
                        SELECT e.entry_id, e.content_hash, e.trade_type, e.trade_id, e.created_at,
                               l.account_id, a.account_type, a.instrument_id, l.amount, l.balance_after
                          FROM journal_entry e
                          LEFT JOIN journal_line l ON l.entry_id = e.entry_id
                          LEFT JOIN ledger_account a ON a.account_id = l.account_id
                         WHERE e.idempotency_key = $1
                         ORDER BY l.line_id""")
                .execute(Tuple.of(header.idempotencyKey()))
                .map(rows -> {
                    Row first = rows.iterator().next();
                    if (!first.getString("content_hash").equals(header.contentHash())) {
                        throw BssException.badParameter("idempotency key " + header.idempotencyKey(),
                                "was already used for a different movement");
                    }
                    return new PostedEntry(first.getLong("entry_id"), TradeType.valueOf(first.getString("trade_type")),
                            first.getString("trade_id"), first.getOffsetDateTime("created_at").toInstant(),
                            lines(rows), true);
                });
    }

    /**
     * Writes the lines of an opened entry, checked to balance, in account order (the order every movement locks
     * accounts in); the database moves the balances.
     */
    public Uni<PostedEntry> write(SqlConnection connection, long entryId, EntryHeader header,
            List<Movement.Leg> unordered) {
        return write(connection, List.of(new Opened(entryId, header, unordered))).map(List::getFirst);
    }

    /** An opened entry and the legs to write for it. */
    public record Opened(long entryId, EntryHeader header, List<Movement.Leg> legs) {
    }

    /**
     * Writes the lines of opened entries in one statement: each entry's in account order, the entries in their
     * order, so that an account moved by several is moved in that order and its lines are numbered so.
     */
    public Uni<List<PostedEntry>> write(SqlConnection connection, List<Opened> entries) {
        OffsetDateTime now = now();
        List<List<Object>> values = new ArrayList<>();
        for (Opened entry : entries) {
            for (Movement.Leg leg : new Movement(entry.header(), entry.legs()).legs()) {
                values.add(List.of(entry.entryId(), leg.accountId(), Numeric.create(leg.amount()), now));
            }
        }
        SqlRows written = SqlRows.of(values);
        return connection.preparedQuery("""
                        WITH written AS (
                            INSERT INTO journal_line (entry_id, account_id, amount, created_at) VALUES %s
                            RETURNING line_id, entry_id, account_id, amount, balance_after)
                        SELECT w.entry_id, w.account_id, a.account_type, a.instrument_id, w.amount, w.balance_after
                          FROM written w JOIN ledger_account a ON a.account_id = w.account_id
                         ORDER BY w.line_id""".formatted(written.values()))
                .execute(written.parameters())
                .map(rows -> {
                    Map<Long, List<PostedEntry.Line>> lines = new HashMap<>();
                    for (Row row : rows) {
                        lines.computeIfAbsent(row.getLong("entry_id"), id -> new ArrayList<>()).add(line(row));
                    }
                    List<PostedEntry> posted = new ArrayList<>();
                    for (Opened entry : entries) {
                        PostedEntry p = new PostedEntry(entry.entryId(), entry.header().tradeType(),
                                entry.header().tradeId(), now.toInstant(), lines.get(entry.entryId()), false);
                        meters.countWhenCommitted(connection, entry.header(), p);
                        posted.add(p);
                    }
                    return posted;
                });
    }

    /**
     * Opens entries in one statement, in idempotency key order (so that transactions opening several wait for
     * each other's keys in one order): the entry id of each header whose key was free, by key. A key already taken
     * is left out, and a concurrent transaction's uncommitted key is waited for as in {@link #open}.
     */
    public Uni<Map<String, Long>> open(SqlConnection connection, List<EntryHeader> headers) {
        OffsetDateTime now = now();
        List<List<Object>> values = new ArrayList<>();
        headers.stream().sorted(Comparator.comparing(EntryHeader::idempotencyKey))
                .forEach(header -> values.add(entryValues(header, now)));
        SqlRows opened = SqlRows.of(values);
        return connection.preparedQuery("INSERT INTO journal_entry (" + ENTRY_COLUMNS + ") VALUES "
                        + opened.values() + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING entry_id, "
                        + "idempotency_key")
                .execute(opened.parameters())
                .map(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("idempotency_key"), row.getLong("entry_id")));
                    return ids;
                });
    }

    /** Locks accounts for a movement, in account order (the order every movement locks in). */
    public Uni<Map<String, LockedAccount>> lock(SqlConnection connection, Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery("""
                        SELECT account_id, customer_id, account_type, instrument_id, balance, credit_limit
                          FROM ledger_account WHERE account_id = ANY($1) ORDER BY account_id FOR UPDATE""")
                .execute(Tuple.of(accountIds.toArray(String[]::new)))
                .map(Journal::accounts);
    }

    /** A customer's own accounts (CASH, CREDIT, DEBT) by type, locked in account order. */
    public Uni<Map<String, LockedAccount>> lockCustomer(SqlConnection connection, String customerId) {
        return connection.preparedQuery("""
                        SELECT account_id, customer_id, account_type, instrument_id, balance, credit_limit
                          FROM ledger_account WHERE customer_id = $1 AND instrument_id IS NULL
                         ORDER BY account_id FOR UPDATE""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    Map<String, LockedAccount> byType = new LinkedHashMap<>();
                    accounts(rows).values().forEach(a -> byType.put(a.accountType(), a));
                    return byType;
                });
    }

    private static Map<String, LockedAccount> accounts(RowSet<Row> rows) {
        Map<String, LockedAccount> accounts = new LinkedHashMap<>();
        for (Row row : rows) {
            accounts.put(row.getString("account_id"), account(row));
        }
        return accounts;
    }

    /** An account row as locked (account_id, customer_id, account_type, instrument_id, balance, credit_limit). */
    static LockedAccount account(Row row) {
        return new LockedAccount(row.getString("account_id"), row.getString("customer_id"),
                row.getString("account_type"), row.getString("instrument_id"), row.getBigDecimal("balance"),
                row.getBigDecimal("credit_limit"));
    }

    static List<PostedEntry.Line> lines(RowSet<Row> rows) {
        List<PostedEntry.Line> lines = new ArrayList<>();
        for (Row row : rows) {
            if (row.getString("account_id") == null) {
                continue;
            }
            lines.add(line(row));
        }
        return lines;
    }

    private static PostedEntry.Line line(Row row) {
        return new PostedEntry.Line(row.getString("account_id"), row.getString("account_type"),
                row.getString("instrument_id"), row.getBigDecimal("amount"), row.getBigDecimal("balance_after"));
    }

    /** When the event an entry records happened: the header's business time, else now. */
    public OffsetDateTime businessTime(EntryHeader header) {
        return header.businessTime() == null ? now() : utc(header.businessTime());
    }

    public OffsetDateTime now() {
        return utc(clock.instant());
    }
}
