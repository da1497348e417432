package io.openbss.billing.freeresources;

import io.openbss.common.request.Language;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;

/** A quota with what is left of it now (a monthly quota not used this month is whole again). */
record QuotaRow(String id, String name, BigDecimal amount, BigDecimal remaining, int measureId) {

    static QuotaRow of(Row row, String cycle, Language lang) {
        boolean reset = row.getShort("quota_reuse_mode") == 1 && !cycle.equals(row.getString("used_cycle"));
        BigDecimal amount = row.getBigDecimal("amount");
        BigDecimal used = reset ? BigDecimal.ZERO : row.getBigDecimal("used");
        return new QuotaRow(row.getString("free_resource_id"), lang.pick(row.getString("name_zh"),
                row.getString("name_en")), amount, amount.subtract(used), row.getInteger("measure_id"));
    }

    FreeResourcePackagesResource.Quota view() {
        return new FreeResourcePackagesResource.Quota(id, name, remaining.stripTrailingZeros().toPlainString(),
                amount.stripTrailingZeros().toPlainString(), measureId);
    }
}
