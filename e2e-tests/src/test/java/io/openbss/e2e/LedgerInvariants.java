package io.openbss.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's invariants, read from billing's tables as LedgerProbe (billing-service's tests) reads them: all lines
 * sum to zero, every entry balances, every balance is the sum of its lines, no cash, credit, coupon or card balance
 * is negative and no arrears positive.
 */
final class LedgerInvariants {

    private static final Map<String, String> INVARIANTS = new LinkedHashMap<>();

    static {
        INVARIANTS.put("journal lines that do not sum to zero",
                "SELECT CASE WHEN coalesce(sum(amount), 0) = 0 THEN 0 ELSE 1 END FROM journal_line");
        INVARIANTS.put("unbalanced journal entries", """
                SELECT count(*) FROM (SELECT entry_id FROM journal_line GROUP BY entry_id
                                       HAVING sum(amount) <> 0 OR count(*) = 1) unbalanced""");
        INVARIANTS.put("accounts whose balance is not the sum of their lines", """
                SELECT count(*) FROM ledger_account a
                 WHERE a.balance IS NOT NULL
                   AND a.balance <> (SELECT coalesce(sum(l.amount), 0) FROM journal_line l
                                      WHERE l.account_id = a.account_id)""");
        INVARIANTS.put("negative balances (cash, credit, coupon, card) or positive arrears", """
                SELECT count(*) FROM ledger_account
                 WHERE (account_type IN ('CASH', 'CREDIT', 'COUPON', 'CARD') AND balance < 0)
                    OR (account_type = 'DEBT' AND balance > 0)""");
    }

    private LedgerInvariants() {
    }

    /** Each invariant that does not hold on the platform's ledger now, with how many rows break it. */
    static Map<String, Long> broken() throws SQLException {
        try (Connection connection = TestPlatform.database()) {
            return broken(connection);
        }
    }

    /** Each invariant that does not hold on the ledger of the database {@code connection} is to. */
    static Map<String, Long> broken(Connection connection) throws SQLException {
        Map<String, Long> broken = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO billing");
            for (Map.Entry<String, String> invariant : INVARIANTS.entrySet()) {
                try (ResultSet result = statement.executeQuery(invariant.getValue())) {
                    result.next();
                    if (result.getLong(1) != 0) {
                        broken.put(invariant.getKey(), result.getLong(1));
                    }
                }
            }
        }
        return broken;
    }
}
