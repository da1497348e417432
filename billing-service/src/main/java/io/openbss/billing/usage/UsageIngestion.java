package io.openbss.billing.usage;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Internal API for metering: pay-per-use usage records. Each record must name a product with a pay-per-use price
 * for its usage type, in a unit that converts to the price's; a record id already received is counted once.
 */
@Path("/internal/v1/usage-records")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class UsageIngestion {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    UsageCatalog catalog;

    public record UsageBatch(List<UsageRecordInput> records) {
    }

    public record Accepted(int accepted, int duplicates) {
    }

    @POST
    @Operation(summary = "Record pay-per-use usage (idempotent by record_id)")
    public Uni<Accepted> ingest(UsageBatch batch) {
        if (batch == null || batch.records() == null || batch.records().isEmpty() || batch.records().size() > 5000) {
            throw BssException.badParameter("records", "must hold 1 to 5000 records");
        }
        for (int i = 0; i < batch.records().size(); i++) {
            if (batch.records().get(i) == null) {
                throw BssException.badParameter("records[" + i + "]", "must be an object");
            }
            batch.records().get(i).validate("records[" + i + "].");
        }
        return catalog.load().flatMap(prices -> {
            List<Tuple> rows = new ArrayList<>();
            OffsetDateTime now = utc(clock.instant());
            for (int i = 0; i < batch.records().size(); i++) {
                UsageRecordInput r = batch.records().get(i);
                String at = "records[" + i + "].";
                UsageCatalog.Price price = prices.price(r.serviceTypeCode(), r.resourceTypeCode(), r.resourceSpec(),
                        r.regionCode(), r.usageTypeCode()).orElseThrow(() -> BssException.badParameter(at
                        + "resource_spec", "no pay-per-use price of " + r.usageTypeCode() + " for " + r.resourceSpec()
                        + " in " + r.regionCode()));
                if (prices.converter().convert(BigDecimal.ONE, r.usageMeasureId(), price.usageMeasureId()).isEmpty()) {
                    throw BssException.badParameter(at + "usage_measure_id", "cannot be converted to "
                            + price.usageMeasureId());
                }
                if (price.sizeMeasureId() != null && (r.resourceSize() == null || r.sizeMeasureId() == null
                        || prices.converter().convert(BigDecimal.ONE, r.sizeMeasureId(), price.sizeMeasureId())
                        .isEmpty())) {
                    throw BssException.badParameter(at + "resource_size", "and a size_measure_id convertible to "
                            + price.sizeMeasureId() + " are required for " + r.resourceSpec());
                }
                rows.add(Tuple.from(Arrays.asList(r.recordId(), r.customerId(), r.resourceId(), r.resourceName(),
                        price.productId(), price.serviceTypeCode(), price.resourceTypeCode(), price.regionCode(),
                        r.resourceSize(), r.sizeMeasureId(), price.usageTypeCode(), Numeric.create(r.usage()),
                        r.usageMeasureId(), time(r.beginTime()), time(r.endTime()), r.enterpriseProjectId(), now)));
            }
            String[] customers = batch.records().stream().map(UsageRecordInput::customerId).distinct()
                    .toArray(String[]::new);
            return pool.preparedQuery("SELECT customer_id FROM customer WHERE customer_id = ANY($1)")
                    .execute(Tuple.of((Object) customers))
                    .invoke(known -> {
                        Set<String> registered = new HashSet<>();
                        known.forEach(row -> registered.add(row.getString("customer_id")));
                        for (int i = 0; i < batch.records().size(); i++) {
                            if (!registered.contains(batch.records().get(i).customerId())) {
                                throw BssException.badParameter("records[" + i + "].customer_id",
                                        "is not registered with billing");
                            }
                        }
                    })
                    .chain(() -> pool.withTransaction(connection -> connection.preparedQuery("""
                            INSERT INTO usage_record (record_id, customer_id, resource_id, resource_name, product_id,
                                service_type_code, resource_type_code, region_code, resource_size, size_measure_id,
                                usage_type_code, usage, usage_measure_id, begin_time, end_time, enterprise_project_id,
                                received_at)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                            ON CONFLICT (record_id) DO NOTHING
                            RETURNING record_id""").executeBatch(rows)))
                    .map(result -> {
                        int inserted = 0;
                        for (var rs = result; rs != null; rs = rs.next()) {
                            inserted += rs.rowCount();
                        }
                        return new Accepted(inserted, rows.size() - inserted);
                    });
        });
    }

    private static OffsetDateTime time(String wire) {
        return utc(BssTime.parseWire(wire));
    }
}
