package io.openbss.billing.query;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the WHERE clause of a filtered query with positional parameters, so that every filter is a bound value and
 * never text in the SQL. Read models of the ledger and the bills are queried with the SQL client: they aggregate,
 * join and derive statuses in ways an entity mapping would only hide.
 */
public final class SqlQuery {

    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Adds a condition; each {@code ?} in it takes the next of {@code values}. */
    public SqlQuery and(String condition, Object... values) {
        where.append(where.isEmpty() ? " WHERE " : " AND ").append(bound(condition, values));
        return this;
    }

    /**
     * Binds the values of a condition used elsewhere than the WHERE clause (e.g. as a selected column): each
     * {@code ?} in it takes the next of {@code values}; the condition with their placeholders.
     */
    public String bound(String condition, Object... values) {
        StringBuilder bound = new StringBuilder();
        int next = 0;
        for (char c : condition.toCharArray()) {
            if (c == '?') {
                params.add(values[next++]);
                bound.append('$').append(params.size());
            } else {
                bound.append(c);
            }
        }
        return bound.toString();
    }

    /** Adds the condition only when {@code value} is not null. */
    public SqlQuery andIf(Object value, String condition) {
        return value == null ? this : and(condition, value);
    }

    public String where() {
        return where.toString();
    }

    /** The placeholder the next parameter will take. */
    public String next() {
        return "$" + (params.size() + 1);
    }

    /** Binds one more parameter (e.g. LIMIT and OFFSET) and returns its placeholder. */
    public String bind(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    public Tuple tuple() {
        return Tuple.from(params);
    }
}
