package io.openbss.billing.accounts;

import static io.openbss.common.request.RequestParameters.optionalDate;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.sql.SqlQuery;
import io.openbss.common.time.BssTime;
import java.time.LocalDate;

/**
 * The trade dates of a change-record query ({@code trade_time_begin}, {@code trade_time_end}, UTC+8 days): from a year
 * ago to today unless given.
 */
public record TradeWindow(LocalDate begin, LocalDate end) {

    public static TradeWindow of(String begin, String end, LocalDate today) {
        LocalDate from = optionalDate("trade_time_begin", begin);
        LocalDate to = optionalDate("trade_time_end", end);
        from = from == null ? today.minusYears(1) : from;
        to = to == null ? today : to;
        if (to.isBefore(from)) {
            throw BssException.badParameter("trade_time_end", "must not be before trade_time_begin");
        }
        return new TradeWindow(from, to);
    }

    /** Keeps the rows whose {@code column} (a timestamptz) falls on one of the days. */
    public SqlQuery restrict(SqlQuery query, String column) {
        return query.and(column + " >= ?", utc(BssTime.startOf(begin)))
                .and(column + " < ?", utc(BssTime.startOf(end.plusDays(1))));
    }
}
