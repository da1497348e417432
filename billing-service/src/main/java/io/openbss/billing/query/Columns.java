package io.openbss.billing.query;

import io.openbss.common.time.BssTime;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Reads columns of the read models in their wire form. */
public final class Columns {

    private Columns() {
    }

    /** A {@code timestamptz} column as {@code yyyy-MM-ddTHH:mm:ssZ}, or null. */
    public static String wire(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : BssTime.formatWire(time.toInstant());
    }

    /** A quantity column without trailing zeros ({@code 0} when null). */
    public static String plain(Row row, String column) {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
