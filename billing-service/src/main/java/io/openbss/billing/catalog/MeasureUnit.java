package io.openbss.billing.catalog;

import io.vertx.mutiny.sqlclient.Row;

/** A unit of measure (1 yuan, 4 hour, 10 GB of traffic, 15 Mbps, 17 GB of capacity, ...): a row of measure_unit. */
public record MeasureUnit(int measureId, int measureType, String nameZh, String nameEn, String abbreviation) {

    public static final int YUAN = 1;

    static MeasureUnit of(Row row) {
        return new MeasureUnit(row.getInteger("measure_id"), row.getInteger("measure_type"), row.getString("name_zh"),
                row.getString("name_en"), row.getString("abbreviation"));
    }
}
