package io.openbss.billing.customers;

import io.openbss.billing.ledger.EntryHeader;
import io.openbss.billing.ledger.Journal;
import io.openbss.billing.ledger.LedgerService;
import io.openbss.billing.ledger.Movement;
import io.openbss.billing.ledger.TradeType;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Registers customers with billing: the customer, its cash and arrears accounts, and its credit: setting a credit
 * limit is a movement from the system credit line to the customer's credit account, in the same transaction.
 */
@ApplicationScoped
public class CustomerService {

    static final String CREDIT_LINE = "SYSTEM-CREDIT-LINE";

    @Inject
    LedgerService ledger;

    @Inject
    Journal journal;

    public Uni<Void> register(String customerId, CustomerRegistration registration) {
        return ledger.transaction(connection -> connection.preparedQuery("""
                        INSERT INTO customer (customer_id, customer_name, registered_at) VALUES ($1, $2, $3)
                        ON CONFLICT (customer_id) DO UPDATE SET customer_name = EXCLUDED.customer_name""")
                .execute(Tuple.of(customerId, registration.customerName(), journal.now()))
                .chain(() -> open(connection, customerId, "CASH"))
                .chain(() -> open(connection, customerId, "DEBT"))
                .chain(() -> registration.creditLimit() == null ? Uni.createFrom().voidItem()
                        : open(connection, customerId, "CREDIT")
                                .chain(() -> setCreditLimit(connection, customerId, registration.creditLimit()))));
    }

    private Uni<Void> open(SqlConnection connection, String customerId, String type) {
        return connection.preparedQuery("""
                        INSERT INTO ledger_account (account_id, customer_id, account_type, balance, created_at)
                        VALUES (md5(random()::text || clock_timestamp()::text), $1, $2, 0, $3)
                        ON CONFLICT (customer_id, account_type) WHERE instrument_id IS NULL AND customer_id IS NOT NULL
                        DO NOTHING""")
                .execute(Tuple.of(customerId, type, journal.now())).replaceWithVoid();
    }

    /** Moves credit between the credit line and the customer so that the credit granted becomes {@code limit}. */
    private Uni<Void> setCreditLimit(SqlConnection connection, String customerId, BigDecimal limit) {
        return journal.lockCustomer(connection, customerId).flatMap(accounts -> {
            Journal.LockedAccount credit = accounts.get("CREDIT");
            BigDecimal delta = limit.subtract(credit.creditLimit());
            if (delta.signum() == 0) {
                return Uni.createFrom().voidItem();
            }
            if (credit.balance().add(delta).signum() < 0) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "credit_limit " + limit.toPlainString()
                        + " is below the credit in use (" + credit.creditLimit().subtract(credit.balance()) + ")");
            }
            Movement grant = Movement.of(EntryHeader.of("credit-limit:" + UUID.randomUUID(), TradeType.ADJUST,
                    "CREDIT_GRANT", "credit-limit-" + customerId, customerId), List.of(
                    new Movement.Leg(credit.accountId(), delta.setScale(2)),
                    new Movement.Leg(CREDIT_LINE, delta.negate().setScale(2))));
            return journal.post(connection, grant).chain(() -> connection.preparedQuery(
                            "UPDATE ledger_account SET credit_limit = $2 WHERE account_id = $1")
                    .execute(Tuple.of(credit.accountId(), Numeric.create(limit))).replaceWithVoid());
        });
    }
}
