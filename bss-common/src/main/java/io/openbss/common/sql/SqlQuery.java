package io.openbss.common.sql;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the WHERE clause of a filtered query with positional parameters, so that every filter is a bound value and
 * never text in the query. The one builder of dynamic filters: read models queried with the SQL client take
 * {@code $n} placeholders ({@link #sql()}), Panache queries take {@code ?n} ({@link #hql()}). Conditions are written
 * with {@code ?} for each value either way.
 */
public final class SqlQuery {

    private final char placeholder;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private SqlQuery(char placeholder) {
        this.placeholder = placeholder;
    }

    /** For the reactive SQL client: {@code $1, $2 ...}. */
    public static SqlQuery sql() {
        return new SqlQuery('$');
    }

    /** For Panache (HQL): {@code ?1, ?2 ...}. */
    public static SqlQuery hql() {
        return new SqlQuery('?');
    }

    /** Adds a condition; each {@code ?} in it takes the next of {@code values}. */
    public SqlQuery and(String condition, Object... values) {
        where.append(where.isEmpty() ? " WHERE " : " AND ").append(bound(condition, values));
        return this;
    }

    /** Adds the condition only when {@code value} is not null. */
    public SqlQuery andIf(Object value, String condition) {
        return value == null ? this : and(condition, value);
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
                bound.append(bind(values[next++]));
            } else {
                bound.append(c);
            }
        }
        return bound.toString();
    }

    /** Binds one more parameter (e.g. LIMIT and OFFSET) and returns its placeholder. */
    public String bind(Object value) {
        params.add(value);
        return placeholder + String.valueOf(params.size());
    }

    /** The placeholder the next parameter will take. */
    public String next() {
        return placeholder + String.valueOf(params.size() + 1);
    }

    /** The WHERE clause with its leading space, or nothing when no condition was added. */
    public String where() {
        return where.toString();
    }

    /** The conditions without the WHERE keyword, for a query that starts its own clause. */
    public String conditions() {
        return where.isEmpty() ? "" : where.substring(" WHERE ".length());
    }

    public Tuple tuple() {
        return Tuple.from(params);
    }

    /** The bound values in order, for Panache's positional parameters. */
    public Object[] values() {
        return params.toArray();
    }
}
