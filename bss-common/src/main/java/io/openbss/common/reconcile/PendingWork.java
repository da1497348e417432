package io.openbss.common.reconcile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where half-done work is recorded: a table with {@code attempts} and {@code next_attempt_at} columns, the columns
 * that name one row, and the column values that mark a row as still pending (bound as parameters, so the codes stay
 * with the state machine that owns them). A row without a next attempt time is due at once.
 */
public record PendingWork(String table, List<String> keyColumns, Map<String, Object> pendingWhen) {

    public PendingWork {
        keyColumns = List.copyOf(keyColumns);
        pendingWhen = new LinkedHashMap<>(pendingWhen);
        if (keyColumns.isEmpty() || pendingWhen.isEmpty()) {
            throw new IllegalArgumentException("pending work needs a key and a pending condition");
        }
    }

    /** Pending rows: {@code status = 'PENDING'} and the like, with parameters numbered from {@code first}. */
    String condition(String alias, int first) {
        StringBuilder where = new StringBuilder();
        int n = first;
        for (String column : pendingWhen.keySet()) {
            where.append(where.isEmpty() ? "" : " AND ").append(alias).append(column).append(" = $").append(n++);
        }
        return where.toString();
    }

    List<Object> pendingValues() {
        return List.copyOf(pendingWhen.values());
    }
}
