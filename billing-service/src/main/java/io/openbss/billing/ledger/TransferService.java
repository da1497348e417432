package io.openbss.billing.ledger;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Transfers between two customers, exactly once per idempotency key, each in one statement: the key is claimed by
 * the entry, and only then are both accounts locked, in account order (the order every movement locks accounts in),
 * so that opposite transfers cannot deadlock and a repetition waits for the first without holding an account; the
 * lines are written once both are locked, so that each account's lines are numbered in the order they moved it. The
 * database refuses a transfer the sender cannot cover (CBC.99005003). Moving credit also opens the receiver's credit
 * account and moves the credit granted with it, in the same transaction.
 */
@ApplicationScoped
public class TransferService {

    /**
     * Claims the key (the entry, $1-$13) when both customers ($14 from, $15 to) have an account of the type ($16),
     * and moves the amount ($17) between them. One row per account found, with its line when the entry is new.
     */
    private static final String TRANSFER = """
            WITH accounts AS (
                SELECT account_id, customer_id FROM ledger_account
                 WHERE customer_id IN ($14, $15) AND account_type = $16 AND instrument_id IS NULL),
            entry AS (
                INSERT INTO journal_entry (%s)
                SELECT %s WHERE (SELECT count(*) FROM accounts) = 2
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING entry_id),
            locked AS (
                SELECT e.entry_id, a.account_id, a.customer_id FROM entry e CROSS JOIN ledger_account a
                 WHERE a.account_id IN (SELECT account_id FROM accounts)
                 ORDER BY a.account_id FOR UPDATE OF a),
            written AS (
                INSERT INTO journal_line (entry_id, account_id, amount, created_at)
                SELECT entry_id, account_id,
                       CASE WHEN customer_id = $14 THEN -$17::numeric ELSE $17::numeric END, $12::timestamptz
                  FROM locked
                 ORDER BY account_id
                RETURNING account_id, amount, balance_after)
            SELECT a.customer_id, (SELECT entry_id FROM entry) AS entry_id, w.account_id, $16 AS account_type,
                   NULL AS instrument_id, w.amount, w.balance_after
              FROM accounts a LEFT JOIN written w ON w.account_id = a.account_id
             ORDER BY a.account_id""".formatted(Journal.ENTRY_COLUMNS, Journal.ENTRY_VALUES);

    @Inject
    LedgerService ledger;

    @Inject
    Journal journal;

    @Inject
    LedgerMeters meters;

    public Uni<PostedEntry> transfer(TransferRequest request) {
        EntryHeader header = new EntryHeader("transfer:" + request.idempotencyKey(),
                Movement.contentHash(request.fromCustomerId(), request.toCustomerId(), request.amount(),
                        request.balanceType(), request.reason()),
                request.tradeType(), request.detailType(), request.recordedTradeId(), request.fromCustomerId(), null,
                null, null, request.expireTime() == null ? null : "credit expires " + request.expireTime(), null, null);
        if (!request.accountType().equals("CREDIT")) {
            return ledger.statement(client -> move(client, header, request));
        }
        return ledger.transaction(connection -> openCredit(connection, request)
                .chain(() -> move(connection, header, request))
                .call(posted -> posted.replayed() ? Uni.createFrom().voidItem() : moveGrant(connection, posted)));
    }

    /** The transfer's statement; the earlier posting when the key was claimed before. */
    private Uni<PostedEntry> move(SqlClient client, EntryHeader header, TransferRequest request) {
        OffsetDateTime now = journal.now();
        List<Object> values = new ArrayList<>(journal.entryValues(header, now));
        values.addAll(List.of(request.fromCustomerId(), request.toCustomerId(), request.accountType(),
                Numeric.create(request.amount())));
        return client.preparedQuery(TRANSFER).execute(Tuple.from(values)).flatMap(rows -> {
            Set<String> found = new HashSet<>();
            Long entryId = null;
            for (Row row : rows) {
                found.add(row.getString("customer_id"));
                entryId = row.getLong("entry_id");
            }
            for (String customerId : List.of(request.fromCustomerId(), request.toCustomerId())) {
                if (!found.contains(customerId)) {
                    throw new BssException(ErrorCode.INVALID_PARAMETER, "Customer " + customerId + " has no "
                            + request.accountType().toLowerCase() + " account in billing");
                }
            }
            if (entryId == null) {
                return journal.earlier(client, header);
            }
            PostedEntry entry = new PostedEntry(entryId, header.tradeType(), header.tradeId(), now.toInstant(),
                    Journal.lines(rows), false);
            meters.countWhenCommitted(client, header, entry);
            return Uni.createFrom().item(entry);
        });
    }

    /** The receiver's credit account, opened with nothing available if it has none. */
    private Uni<Void> openCredit(SqlConnection connection, TransferRequest request) {
        return connection.preparedQuery("""
                        INSERT INTO ledger_account (account_id, customer_id, account_type, balance, created_at)
                        SELECT md5(random()::text || clock_timestamp()::text), customer_id, 'CREDIT', 0, $2
                          FROM customer WHERE customer_id = $1
                        ON CONFLICT (customer_id, account_type) WHERE instrument_id IS NULL AND customer_id IS NOT NULL
                        DO NOTHING""")
                .execute(Tuple.of(request.toCustomerId(), journal.now())).replaceWithVoid();
    }

    /** The credit granted moves with the credit transferred: the sender's line is negative, the receiver's not. */
    private Uni<Void> moveGrant(SqlConnection connection, PostedEntry posted) {
        PostedEntry.Line from = posted.lines().stream().filter(l -> l.amount().signum() < 0).findFirst().orElseThrow();
        PostedEntry.Line to = posted.lines().stream().filter(l -> l.amount().signum() > 0).findFirst().orElseThrow();
        return connection.preparedQuery("""
                        UPDATE ledger_account SET credit_limit = credit_limit + CASE account_id WHEN $1 THEN -$3::numeric
                                                                                               ELSE $3::numeric END
                         WHERE account_id IN ($1, $2)""")
                .execute(Tuple.of(from.accountId(), to.accountId(), Numeric.create(to.amount()))).replaceWithVoid();
    }
}
