package io.openbss.console.resources;

import io.openbss.console.tables.TablePage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of ListPayPerUseCustomerResources (QueryResourcesReq) from the page's filters: ids and statuses are
 * lists, {@code only_main_resource} a number, and the expiry dates the API's UTC times (a day's start and end).
 */
final class ResourceQuery {

    static final TablePage.Shape SHAPE = (filters, offset, limit) -> {
        Map<String, Object> body = new HashMap<>();
        filters.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            switch (name) {
                case "resource_id" -> body.put("resource_ids", List.of(value));
                case "status" -> body.put("status_list", List.of(Integer.parseInt(value)));
                case "only_main_resource" -> body.put("only_main_resource", Integer.parseInt(value));
                case "expire_time_begin" -> body.put(name, value + "T00:00:00Z");
                case "expire_time_end" -> body.put(name, value + "T23:59:59Z");
                default -> body.put(name, value);
            }
        });
        body.put("offset", offset);
        body.put("limit", limit);
        return new TablePage.Request(Map.of(), body);
    };

    private ResourceQuery() {
    }

    /** The body that selects one resource. */
    static Map<String, Object> one(String resourceId) {
        return Map.of("resource_ids", List.of(resourceId), "offset", 0, "limit", 1);
    }
}
