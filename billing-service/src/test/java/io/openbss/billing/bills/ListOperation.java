package io.openbss.billing.bills;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A list operation as the paging and filter properties drive it: how to ask for a page with some filters, where its
 * rows and total are, what identifies a row, and the filters it takes, each with the field of a row it selects on.
 *
 * @param pageNumbers whether {@code offset} is a page number from 1 (the legacy API), not a row offset
 */
public record ListOperation(String name, int maxLimit, boolean pageNumbers, Call call, String rows, String total,
        Function<Map<String, Object>, String> identity, List<Filter> filters) {

    /** Asks for a page: filters as parameters, rows from {@code offset}, at most {@code limit}. */
    @FunctionalInterface
    public interface Call {
        JsonPath page(Map<String, Object> filters, int offset, int limit);
    }

    /**
     * A filter: the value of a row it selects on, and the parameters that ask for the rows of one value (or, when
     * {@code negated}, for all rows but those). A filter with {@code only} is asked for that value alone (a flag).
     */
    public record Filter(String name, Function<Map<String, Object>, String> field,
            Function<String, Map<String, Object>> parameters, String only, boolean negated) {

        /** Rows whose {@code field} is the value asked for with {@code parameter}. */
        public static Filter equal(String parameter, String field) {
            return new Filter(parameter, row -> BillViews.text(row.get(field)), value -> Map.of(parameter, value), null,
                    false);
        }

        public static Filter of(String name, Function<Map<String, Object>, String> field,
                Function<String, Map<String, Object>> parameters) {
            return new Filter(name, field, parameters, null, false);
        }

        public boolean selects(Map<String, Object> row, String value) {
            return value.equals(field.apply(row)) != negated;
        }
    }

    public List<Map<String, Object>> rows(JsonPath page) {
        return BillViews.rows(page, rows);
    }

    public long total(JsonPath page) {
        return page.getLong(total);
    }

    /** Query parameters (or body fields) of a page: the fixed ones, the filters, and the paging. */
    public static Map<String, Object> with(Map<String, Object> fixed, Map<String, Object> filters, int offset,
            int limit, BiFunction<Integer, Integer, Map<String, Object>> paging) {
        Map<String, Object> all = new HashMap<>(fixed);
        all.putAll(filters);
        all.putAll(paging.apply(offset, limit));
        return all;
    }
}
