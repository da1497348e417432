package io.openbss.console.funds;

import io.openbss.console.tables.TablePage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The body of ListFreeResourceInfos (ListFreeResourceInfosReq): a status number and a list of service types. */
final class FreeResourceQuery {

    static final TablePage.Shape SHAPE = (filters, offset, limit) -> {
        Map<String, Object> body = new HashMap<>();
        filters.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            switch (name) {
                case "status" -> body.put("status", Integer.parseInt(value));
                case "service_type_code" -> body.put("service_type_code_list", List.of(value));
                default -> body.put(name, value);
            }
        });
        body.put("offset", offset);
        body.put("limit", limit);
        return new TablePage.Request(Map.of(), body);
    };

    private FreeResourceQuery() {
    }
}
