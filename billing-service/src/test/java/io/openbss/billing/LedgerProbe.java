package io.openbss.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;

/** Reads the ledger straight from the database, to check what the API says against what is stored. */
public final class LedgerProbe {

    private final Pool pool;

    public LedgerProbe(Pool pool) {
        this.pool = pool;
    }

    public BigDecimal balance(String customerId, String type) {
        return one("SELECT balance FROM ledger_account WHERE customer_id = $1 AND account_type = $2 "
                + "AND instrument_id IS NULL", customerId, type).getBigDecimal("balance");
    }

    public BigDecimal instrumentBalance(String instrumentId) {
        return one("SELECT balance FROM ledger_account WHERE instrument_id = $1", instrumentId).getBigDecimal("balance");
    }

    public long count(String sql, Object... params) {
        return one(sql, params).getLong(0);
    }

    public Row one(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next();
    }

    /**
     * The invariants of the ledger: the lines of all entries sum to zero, every entry balances, every customer
     * balance is the sum of its lines, no cash, credit, coupon or card balance is negative, no arrears positive.
     */
    public void assertInvariants() {
        assertThat(one("SELECT coalesce(sum(amount), 0) AS s FROM journal_line").getBigDecimal("s"))
                .as("sum of all lines").isEqualByComparingTo("0");
        assertThat(count("""
                SELECT count(*) FROM (SELECT entry_id FROM journal_line GROUP BY entry_id
                                       HAVING sum(amount) <> 0 OR count(*) = 1) unbalanced"""))
                .as("unbalanced entries").isZero();
        assertThat(count("""
                SELECT count(*) FROM ledger_account a
                 WHERE a.balance IS NOT NULL
                   AND a.balance <> (SELECT coalesce(sum(l.amount), 0) FROM journal_line l
                                      WHERE l.account_id = a.account_id)"""))
                .as("accounts whose balance is not the sum of their lines").isZero();
        assertThat(count("""
                SELECT count(*) FROM ledger_account
                 WHERE (account_type IN ('CASH', 'CREDIT', 'COUPON', 'CARD') AND balance < 0)
                    OR (account_type = 'DEBT' AND balance > 0)"""))
                .as("negative balances").isZero();
        assertThat(count("""
                SELECT count(*) FROM (
                    SELECT l.amount, l.balance_after,
                           lag(l.balance_after, 1, 0.00) OVER (PARTITION BY l.account_id ORDER BY l.line_id) AS before
                      FROM journal_line l JOIN ledger_account a ON a.account_id = l.account_id
                     WHERE a.balance IS NOT NULL) chained
                 WHERE balance_after <> before + amount"""))
                .as("lines whose balance is not the one of the account's line before them plus their amount")
                .isZero();
    }
}
