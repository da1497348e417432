package io.openbss.billing.catalog;

import io.vertx.mutiny.sqlclient.Row;

/** What a resource type is metered by (Duration, downflow, ...), in which unit: a row of {@code usage_type}. */
public record UsageType(String resourceTypeCode, String code, String nameZh, String nameEn, int measureId) {

    static UsageType of(Row row) {
        return new UsageType(row.getString("resource_type_code"), row.getString("usage_type_code"),
                row.getString("name_zh"), row.getString("name_en"), row.getInteger("measure_id"));
    }
}
