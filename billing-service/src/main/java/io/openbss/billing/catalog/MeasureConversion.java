package io.openbss.billing.catalog;

import io.vertx.mutiny.sqlclient.Row;

/** One {@code measureId} is {@code ratio} of {@code refMeasureId} (1 GB = 1024 MB): a row of measure_conversion. */
public record MeasureConversion(int measureId, int refMeasureId, long ratio, int measureType) {

    static MeasureConversion of(Row row) {
        return new MeasureConversion(row.getInteger("measure_id"), row.getInteger("ref_measure_id"),
                row.getLong("conversion_ratio"), row.getInteger("measure_type"));
    }
}
