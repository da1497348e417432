package io.openbss.console.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A page that lists what one operation answers: the array field holding the rows, the columns shown, the filters
 * the operation offers, and how filters and paging become the request (query parameters, or a JSON body for the
 * operations that query by POST).
 */
public record TablePage(String id, String operation, String items, List<Column> columns, List<Filter> filters,
        Shape shape) {

    /** How a page's filter values and paging become the operation's request. */
    public interface Shape {
        Request request(Map<String, String> filters, int offset, int limit);
    }

    /** Query parameters (path parameters among them) and an optional JSON body. */
    public record Request(Map<String, String> parameters, Map<String, Object> body) {
    }

    /** The filters and {@code offset}/{@code limit} as query parameters. */
    public static final Shape QUERY = (filters, offset, limit) -> {
        Map<String, String> parameters = new HashMap<>(filters);
        parameters.put("offset", Integer.toString(offset));
        parameters.put("limit", Integer.toString(limit));
        return new Request(parameters, null);
    };

    /** The non-blank filters and {@code offset}/{@code limit} as fields of a JSON body. */
    public static final Shape BODY = (filters, offset, limit) -> {
        Map<String, Object> body = new HashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                body.put(name, value);
            }
        });
        body.put("offset", offset);
        body.put("limit", limit);
        return new Request(Map.of(), body);
    };

    public static TablePage query(String id, String operation, String items, List<Column> columns,
            List<Filter> filters) {
        return new TablePage(id, operation, items, columns, filters, QUERY);
    }
}
