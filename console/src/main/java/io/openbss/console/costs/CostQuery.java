package io.openbss.console.costs;

import io.openbss.console.layout.BadParameter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cost analysis form's choices, checked: the grouping (a dimension of ListCosts, or none for time only), days or
 * months, the range, the cost type and the amount type. It becomes ListCosts' request body as the API names it.
 */
record CostQuery(String group, String measure, String begin, String end, String costType, String amountType) {

    /** Cost days and months are those of UTC+8, as the API's. */
    static final ZoneOffset BUSINESS = ZoneOffset.ofHours(8);

    /** The form's groupings and the ListCosts dimension each is; "none" groups by time only. */
    static final Map<String, String> GROUPS = groups();
    static final List<String> MEASURES = List.of("month", "day");
    static final List<String> COST_TYPES = List.of("ORIGINAL_COST", "AMORTIZED_COST");
    static final List<String> AMOUNT_TYPES = List.of("PAYMENT_AMOUNT", "NET_AMOUNT");

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("service", "CLOUD_SERVICE_TYPE");
        groups.put("region", "REGION_CODE");
        groups.put("resource", "RESOURCE_ID");
        groups.put("none", null);
        return groups;
    }

    /**
     * The choices given (each its first value), the others their defaults: by service, monthly, the last six months.
     * A range given in the other measure's shape (a month for days, a day for months) is read in this one's.
     */
    static CostQuery of(Map<String, String> given) {
        String group = choice(given, "group", List.copyOf(GROUPS.keySet()), "service");
        String measure = choice(given, "measure", MEASURES, "month");
        String costType = choice(given, "cost_type", COST_TYPES, "ORIGINAL_COST");
        String amountType = choice(given, "amount_type", AMOUNT_TYPES, "PAYMENT_AMOUNT");
        LocalDate today = LocalDate.now(BUSINESS);
        String begin;
        String end;
        if (measure.equals("day")) {
            begin = day(given, "begin", today.withDayOfMonth(1), false);
            end = day(given, "end", today, true);
        } else {
            begin = month(given, "begin", YearMonth.from(today).minusMonths(5));
            end = month(given, "end", YearMonth.from(today));
        }
        return new CostQuery(group, measure, begin, end, costType, amountType);
    }

    /** ListCosts' body for one page of groups. */
    Map<String, Object> body(int offset, int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time_condition", Map.of("time_measure_id", measure.equals("day") ? 1 : 2, "begin_time", begin,
                "end_time", end));
        if (GROUPS.get(group) != null) {
            body.put("groupby", List.of(Map.of("type", "dimension", "key", GROUPS.get(group))));
        }
        body.put("cost_type", costType);
        body.put("amount_type", amountType);
        body.put("offset", offset);
        body.put("limit", limit);
        return body;
    }

    /** The range's days or months, the chart's and the table's time buckets, named as the API names them. */
    List<String> buckets() {
        List<String> buckets = new ArrayList<>();
        if (measure.equals("day")) {
            for (LocalDate day = LocalDate.parse(begin); !day.isAfter(LocalDate.parse(end)); day = day.plusDays(1)) {
                buckets.add(day.toString());
            }
        } else {
            for (YearMonth m = YearMonth.parse(begin); !m.isAfter(YearMonth.parse(end)); m = m.plusMonths(1)) {
                buckets.add(m.toString());
            }
        }
        return buckets;
    }

    /** The choices as a query string, for the export link and the form. */
    Map<String, String> asQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("group", group);
        query.put("measure", measure);
        query.put("begin", begin);
        query.put("end", end);
        query.put("cost_type", costType);
        query.put("amount_type", amountType);
        return query;
    }

    private static String choice(Map<String, String> given, String name, List<String> options, String absent) {
        String value = given.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            return absent;
        }
        if (!options.contains(value)) {
            throw new BadParameter(name);
        }
        return value;
    }

    private static String day(Map<String, String> given, String name, LocalDate absent, boolean endOfMonth) {
        String value = given.getOrDefault(name, "").strip();
        try {
            if (value.isEmpty()) {
                return absent.toString();
            }
            if (MONTH.matcher(value).matches()) {
                YearMonth month = YearMonth.parse(value);
                return (endOfMonth ? month.atEndOfMonth() : month.atDay(1)).toString();
            }
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value).toString();
            }
        } catch (DateTimeParseException e) {
            throw new BadParameter(name);
        }
        throw new BadParameter(name);
    }

    private static String month(Map<String, String> given, String name, YearMonth absent) {
        String value = given.getOrDefault(name, "").strip();
        try {
            if (value.isEmpty()) {
                return absent.toString();
            }
            if (DATE.matcher(value).matches()) {
                return YearMonth.from(LocalDate.parse(value)).toString();
            }
            if (MONTH.matcher(value).matches()) {
                return YearMonth.parse(value).toString();
            }
        } catch (DateTimeParseException e) {
            throw new BadParameter(name);
        }
        throw new BadParameter(name);
    }
}
