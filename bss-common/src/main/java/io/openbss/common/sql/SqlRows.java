package io.openbss.common.sql;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Several rows written by one statement ({@code INSERT ... VALUES (...), (...)}): one round trip and one executor
 * start, where a batch of one-row statements would take one of each per row (PostgreSQL also compiles the table's
 * CHECK constraints again for each). {@code values} is the placeholders of the rows, {@code ($1, ..., $n), ($n+1,
 * ...)}, and {@code parameters} their values in the same order.
 */
public record SqlRows(String values, Tuple parameters) {

    /** PostgreSQL's limit of parameters in one statement. */
    static final int MAX_PARAMETERS = 65_535;

    /** The placeholders and parameters of {@code rows}, every row as wide as the first. */
    public static SqlRows of(List<List<Object>> rows) {
        int columns = rows.isEmpty() ? 0 : rows.get(0).size();
        if (rows.isEmpty() || (long) rows.size() * columns > MAX_PARAMETERS) {
            throw new IllegalArgumentException(rows.size() + " rows of " + columns + " values in one statement");
        }
        StringBuilder values = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns) {
                throw new IllegalArgumentException("rows of " + columns + " and " + row.size() + " values");
            }
            values.append(parameters.isEmpty() ? "(" : ", (");
            for (int column = 0; column < columns; column++) {
                parameters.add(row.get(column));
                values.append(column == 0 ? "$" : ", $").append(parameters.size());
            }
            values.append(')');
        }
        return new SqlRows(values.toString(), Tuple.from(parameters));
    }
}
