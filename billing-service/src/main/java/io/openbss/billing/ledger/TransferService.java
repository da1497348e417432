package io.openbss.billing.ledger;

import io.openbss.billing.BillingError;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Transfers between two customers, exactly once per idempotency key. Both customers' accounts are locked in one
 * statement, in account order, so that opposite transfers cannot deadlock; the database refuses a transfer the
 * sender cannot cover (CBC.99005003).
 */
@ApplicationScoped
public class TransferService {

    @Inject
    LedgerService ledger;

    @Inject
    Journal journal;

    public Uni<PostedEntry> transfer(TransferRequest request) {
        EntryHeader header = new EntryHeader("transfer:" + request.idempotencyKey(),
                Movement.contentHash(request.fromCustomerId(), request.toCustomerId(), request.amount(),
                        request.balanceType(), request.reason()),
                request.tradeType(), request.detailType(), request.recordedTradeId(), request.fromCustomerId(), null,
                null, null, request.expireTime() == null ? null : "credit expires " + request.expireTime(), null, null);
        return ledger.transaction(connection -> journal.claimed(connection, header,
                entryId -> openCreditIfNeeded(connection, request)
                        .chain(() -> lockBoth(connection, request))
                        .flatMap(accounts -> move(connection, entryId, header, request, accounts))));
    }

    private Uni<PostedEntry> move(SqlConnection connection, long entryId, EntryHeader header, TransferRequest request,
            Map<String, Map<String, Journal.LockedAccount>> accounts) {
        Journal.LockedAccount from = account(accounts, request.fromCustomerId(), request.accountType());
        Journal.LockedAccount to = account(accounts, request.toCustomerId(), request.accountType());
        if (from.balance().compareTo(request.amount()) < 0) {
            throw new BssException(BillingError.INSUFFICIENT_BALANCE, "Insufficient balance: " + request.fromCustomerId()
                    + " holds " + from.balance().toPlainString());
        }
        List<Movement.Leg> legs = List.of(new Movement.Leg(from.accountId(), request.amount().negate()),
                new Movement.Leg(to.accountId(), request.amount()));
        Uni<PostedEntry> posted = journal.write(connection, entryId, header, legs);
        if (!request.accountType().equals("CREDIT")) {
            return posted;
        }
        return posted.call(() -> connection.preparedQuery("""
                        UPDATE ledger_account SET credit_limit = credit_limit + CASE account_id WHEN $1 THEN -$3::numeric
                                                                                               ELSE $3::numeric END
                         WHERE account_id IN ($1, $2)""")
                .execute(Tuple.of(from.accountId(), to.accountId(), Numeric.create(request.amount()))));
    }

    private static Journal.LockedAccount account(Map<String, Map<String, Journal.LockedAccount>> accounts,
            String customerId, String type) {
        Journal.LockedAccount account = accounts.getOrDefault(customerId, Map.of()).get(type);
        if (account == null) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "Customer " + customerId
                    + " has no " + type.toLowerCase() + " account in billing");
        }
        return account;
    }

    private Uni<Void> openCreditIfNeeded(SqlConnection connection, TransferRequest request) {
        if (!request.accountType().equals("CREDIT")) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        INSERT INTO ledger_account (account_id, customer_id, account_type, balance, created_at)
                        SELECT md5(random()::text || clock_timestamp()::text), customer_id, 'CREDIT', 0, $2
                          FROM customer WHERE customer_id = $1
                        ON CONFLICT (customer_id, account_type) WHERE instrument_id IS NULL AND customer_id IS NOT NULL
                        DO NOTHING""")
                .execute(Tuple.of(request.toCustomerId(), journal.now())).replaceWithVoid();
    }

    private Uni<Map<String, Map<String, Journal.LockedAccount>>> lockBoth(SqlConnection connection,
            TransferRequest request) {
        return journal.lockCustomers(connection, List.of(request.fromCustomerId(), request.toCustomerId()));
    }
}
