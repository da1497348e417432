package io.openbss.billing.query;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps the rows of a result to values. */
public final class Rows {

    private Rows() {
    }

    /** Every row of {@code rows} as {@code of} reads it, in the result's order. */
    public static <T> List<T> list(RowSet<Row> rows, Function<Row, T> of) {
        List<T> list = new ArrayList<>();
        rows.forEach(row -> list.add(of.apply(row)));
        return list;
    }
}
