package io.openbss.billing.catalog;

import io.vertx.mutiny.sqlclient.Row;

/** A cloud service (hws.service.type.*), a row of {@code service_type}. */
public record ServiceType(String code, String nameZh, String nameEn, String abbreviation) {

    static ServiceType of(Row row) {
        return new ServiceType(row.getString("service_type_code"), row.getString("name_zh"), row.getString("name_en"),
                row.getString("abbreviation"));
    }
}
