package io.openbss.billing.bills;

import io.openbss.common.error.BssException;
import io.openbss.common.request.RequestParameters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/** Filters that several bill views share, parsed once. */
final class BillFilters {

    static final Set<Integer> CHARGING_MODES = Set.of(1, 3, 10, 11);

    private BillFilters() {
    }

    static Integer chargingMode(String name, String value) {
        return RequestParameters.optionalCode(name, value, CHARGING_MODES);
    }

    static Integer billType(String name, String value) {
        return RequestParameters.optionalCode(name, value, BillLineInput.BILL_TYPES);
    }

    /** A date range inside a billing cycle: both given or neither; each must fall in the cycle. */
    record DateRange(LocalDate begin, LocalDate end) {

        static DateRange within(YearMonth cycle, String beginName, String begin, String endName, String end,
                boolean defaultToCycle) {
            LocalDate from = RequestParameters.optionalDate(beginName, begin);
            LocalDate to = RequestParameters.optionalDate(endName, end);
            if (from == null || to == null) {
                return defaultToCycle ? new DateRange(cycle.atDay(1), cycle.atEndOfMonth()) : null;
            }
            if (!YearMonth.from(from).equals(cycle)) {
                throw BssException.badParameter(beginName, "must be in the month " + cycle);
            }
            if (!YearMonth.from(to).equals(cycle)) {
                throw BssException.badParameter(endName, "must be in the month " + cycle);
            }
            if (to.isBefore(from)) {
                throw BssException.badParameter(endName, "must not be before " + beginName);
            }
            return new DateRange(from, to);
        }
    }
}
