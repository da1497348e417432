package io.openbss.billing.catalog;

import io.vertx.mutiny.sqlclient.Row;

/** A resource type of a service (hws.resource.type.*), a row of {@code resource_type}. */
public record ResourceType(String code, String serviceTypeCode, String nameZh, String nameEn, String descZh,
        String descEn) {

    static ResourceType of(Row row) {
        return new ResourceType(row.getString("resource_type_code"), row.getString("service_type_code"),
                row.getString("name_zh"), row.getString("name_en"), row.getString("desc_zh"), row.getString("desc_en"));
    }
}
