package io.openbss.billing.ledger;

import static io.openbss.billing.BillingTestSupport.newCustomerId;
import static io.openbss.billing.BillingTestSupport.recharge;
import static io.openbss.billing.BillingTestSupport.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The database itself refuses what would break the ledger, whoever writes to it. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
class LedgerConstraintsTest {

    @Inject
    Pool pool;

    @Test
    void aBalanceCannotBeWrittenDirectly() {
        String id = funded("10.00");
        assertThatThrownBy(() -> sql("UPDATE ledger_account SET balance = 1000 WHERE customer_id = $1", id))
                .hasMessageContaining("only through journal lines");
        assertThat(cash(id)).isEqualByComparingTo("10.00");
    }

    @Test
    void anUnbalancedEntryIsRefusedAtCommit() {
        String id = funded("10.00");
        assertThatThrownBy(() -> postDirectly(id, "unbalanced", cashAccountId(id), "5", null, null))
                .hasMessageContaining("does not balance");
        assertThat(cash(id)).isEqualByComparingTo("10.00");
    }

    @Test
    void cashCannotGoBelowZero() {
        String id = funded("10.00");
        assertThatThrownBy(() -> postDirectly(id, "overdraw", cashAccountId(id), "-10.01", "SYSTEM-REVENUE", "10.01"))
                .hasMessageContaining("customer_value_never_negative");
        assertThat(cash(id)).isEqualByComparingTo("10.00");
    }

    @Test
    void theJournalIsAppendOnly() {
        String id = funded("10.00");
        assertThatThrownBy(() -> sql("UPDATE journal_line SET amount = 99 WHERE account_id = $1", cashAccountId(id)))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM journal_entry WHERE customer_id = $1", id))
                .hasMessageContaining("append-only");
    }

    @Test
    void balanceEqualsTheSumOfItsLines() {
        String id = funded("10.00");
        recharge("more-" + id, id, "2.50").statusCode(200);
        BigDecimal sum = pool.preparedQuery("SELECT sum(amount) AS s FROM journal_line WHERE account_id = $1")
                .execute(Tuple.of(cashAccountId(id))).await().indefinitely().iterator().next().getBigDecimal("s");
        assertThat(sum).isEqualByComparingTo(cash(id)).isEqualByComparingTo("12.50");
    }

    /** Writes an entry with one or two lines straight into the tables, as a buggy or hostile writer would. */
    void postDirectly(String customerId, String key, String account, String amount, String otherAccount,
            String otherAmount) {
        pool.withTransaction(c -> c.preparedQuery("""
                        WITH e AS (INSERT INTO journal_entry (idempotency_key, content_hash, trade_type, trade_id,
                                       customer_id, created_at, business_time)
                                   VALUES ($1, repeat('0', 64), 'ADJUST', 't', $2, now(), now())
                                   RETURNING entry_id)
                        INSERT INTO journal_line (entry_id, account_id, amount, created_at)
                        SELECT entry_id, a, x::numeric, now() FROM e, (VALUES ($3, $4), ($5, $6)) AS l(a, x)
                         WHERE a IS NOT NULL""")
                        .execute(Tuple.from(java.util.Arrays.asList(key + "-" + customerId, customerId, account, amount,
                                otherAccount, otherAmount))))
                .await().indefinitely();
    }

    String funded(String amount) {
        String id = newCustomerId();
        register(id, null).statusCode(200);
        recharge("fund-" + id, id, amount).statusCode(200);
        return id;
    }

    String cashAccountId(String customerId) {
        return pool.preparedQuery("SELECT account_id FROM ledger_account WHERE customer_id = $1 AND account_type = 'CASH'")
                .execute(Tuple.of(customerId)).await().indefinitely().iterator().next().getString("account_id");
    }

    BigDecimal cash(String customerId) {
        return pool.preparedQuery("SELECT balance FROM ledger_account WHERE customer_id = $1 AND account_type = 'CASH'")
                .execute(Tuple.of(customerId)).await().indefinitely().iterator().next().getBigDecimal("balance");
    }

    void sql(String statement, String parameter) {
        pool.preparedQuery(statement).execute(Tuple.of(parameter)).await().indefinitely();
    }
}
