package io.openbss.common.sql;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Several rows written by one statement ({@code INSERT ... VALUES (...), (...)}): one round trip and one executor
 * start, where a batch of one-row statements would take one of each per row (PostgreSQL also compiles the table's
 * CHECK constraints again for each). The placeholders and the parameters of the rows, in order.
 */
public final class SqlRows {

    private SqlRows() {
    }

    /** PostgreSQL's limit of parameters in one statement. */
    static final int MAX_PARAMETERS = 65_535;

    /** {@code ($1, ..., $n), ($n+1, ...)} for {@code rows} rows of {@code columns} values each. */
    public static String values(int rows, int columns) {
        if (rows < 1 || (long) rows * columns > MAX_PARAMETERS) {
            throw new IllegalArgumentException(rows + " rows of " + columns + " values in one statement");
        }
        StringBuilder values = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            values.append(row == 0 ? "(" : ", (");
            for (int column = 1; column <= columns; column++) {
                values.append(column == 1 ? "$" : ", $").append(row * columns + column);
            }
            values.append(')');
        }
        return values.toString();
    }

    /** The rows' values one after the other, for the placeholders of {@link #values}; every row as wide. */
    public static Tuple parameters(List<List<Object>> rows) {
        List<Object> parameters = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != rows.get(0).size()) {
                throw new IllegalArgumentException("rows of " + rows.get(0).size() + " and " + row.size() + " values");
            }
            parameters.addAll(row);
        }
        return Tuple.from(parameters);
    }
}
