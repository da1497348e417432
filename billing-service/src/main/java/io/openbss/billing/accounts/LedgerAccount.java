package io.openbss.billing.accounts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's account in the ledger, a row of {@code ledger_account}. Its balance is written only by the database,
 * from journal lines (V1__ledger.sql); accounts are opened and moved by the ledger's SQL ({@code Journal}).
 */
public record LedgerAccount(String accountId, String customerId, AccountType accountType, BigDecimal balance,
        BigDecimal creditLimit, String instrumentId, String currency, Instant createdAt) {

    static LedgerAccount of(Row row) {
        return new LedgerAccount(row.getString("account_id"), row.getString("customer_id"),
                AccountType.valueOf(row.getString("account_type")), row.getBigDecimal("balance"),
                row.getBigDecimal("credit_limit"), row.getString("instrument_id"), row.getString("currency"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    /** A customer's cash, credit and arrears accounts (not its coupons and cards). */
    public static Uni<List<LedgerAccount>> ofCustomer(SqlClient client, String customerId) {
        return client.preparedQuery("""
                        SELECT * FROM ledger_account WHERE customer_id = $1 AND instrument_id IS NULL
                         ORDER BY account_type""")
                .execute(Tuple.of(customerId)).map(rows -> rows.stream().map(LedgerAccount::of).toList());
    }

    /** The customer's account of {@code type}, or null when it has none. */
    public static Uni<LedgerAccount> find(SqlClient client, String customerId, AccountType type) {
        return client.preparedQuery("SELECT * FROM ledger_account WHERE customer_id = $1 AND account_type = $2 LIMIT 1")
                .execute(Tuple.of(customerId, type.name()))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }
}
