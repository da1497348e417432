package io.openbss.billing.usage;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.bills.BillLineInput;
import io.openbss.billing.ledger.ChargeRequest;
import io.openbss.billing.ledger.ChargeService;
import io.openbss.billing.ledger.LedgerService;
import io.openbss.common.hash.Sha256;
import io.openbss.common.time.BssTime;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Rates usage once its hour has closed (bandwidth samples once their day has closed, on their 95th percentile):
 * per customer and period, resource packages are used first, the rest is priced with the customer's best
 * pay-per-use discount and charged through the ledger, arrears allowed. The records, the package use, the bill lines
 * and the charge commit together; the charge's key derives from the records rated, so a rerun moves nothing twice.
 */
@ApplicationScoped
public class UsageRating {

    private static final Logger LOG = Logger.getLogger(UsageRating.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(BssTime.BUSINESS_ZONE);

    @Inject
    Pool pool;

    @Inject
    LedgerService ledger;

    @Inject
    ChargeService charges;

    @Inject
    UsageCatalog catalog;

    @Inject
    Clock clock;

    /** What one run rated. */
    public record Run(int charges, int records) {
    }

    @Scheduled(every = "${bss.billing.rating-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return rateUntil(clock.instant()).invoke(run -> {
            if (run.charges() > 0) {
                LOG.infof("rated %d usage records in %d charges", run.records(), run.charges());
            }
        }).replaceWithVoid();
    }

    /** Rates every period closed by {@code until}. */
    public Uni<Run> rateUntil(Instant until) {
        return catalog.load().flatMap(prices -> pool.preparedQuery("""
                        SELECT customer_id, sampled, bucket FROM (
                            SELECT r.customer_id, m.measure_type = 16 AS sampled,
                                   CASE WHEN m.measure_type = 16
                                        THEN date_trunc('day', r.begin_time AT TIME ZONE 'Asia/Shanghai')
                                             AT TIME ZONE 'Asia/Shanghai'
                                        ELSE date_trunc('hour', r.begin_time) END AS bucket
                              FROM usage_record r
                              JOIN on_demand_price o ON o.product_id = r.product_id
                                                    AND o.usage_type_code = r.usage_type_code
                              JOIN measure_unit m ON m.measure_id = o.usage_measure_id
                             WHERE r.rated_trade_id IS NULL) pending
                         WHERE bucket + CASE WHEN sampled THEN interval '1 day' ELSE interval '1 hour' END <= $1
                         GROUP BY customer_id, sampled, bucket
                         ORDER BY bucket, customer_id
                         LIMIT 1000""")
                .execute(Tuple.of(utc(until)))
                .flatMap(buckets -> {
                    List<Row> list = new ArrayList<>();
                    buckets.forEach(list::add);
                    return Multi.createFrom().iterable(list)
                            .onItem().transformToUniAndConcatenate(row -> rate(row.getString("customer_id"),
                                    row.getOffsetDateTime("bucket"), row.getBoolean("sampled"), prices))
                            .collect().asList()
                            .map(rated -> new Run((int) rated.stream().filter(n -> n > 0).count(),
                                    rated.stream().mapToInt(Integer::intValue).sum()));
                }));
    }

    /** Rates one customer's closed period; the number of records rated. */
    private Uni<Integer> rate(String customerId, OffsetDateTime bucket, boolean sampled, UsageCatalog.Prices prices) {
        OffsetDateTime end = sampled ? bucket.plusDays(1) : bucket.plusHours(1);
        return ledger.transaction(connection -> connection.preparedQuery("""
                        SELECT r.* FROM usage_record r
                          JOIN on_demand_price o ON o.product_id = r.product_id AND o.usage_type_code = r.usage_type_code
                          JOIN measure_unit m ON m.measure_id = o.usage_measure_id
                         WHERE r.customer_id = $1 AND r.rated_trade_id IS NULL AND r.begin_time >= $2
                           AND r.begin_time < $3 AND (m.measure_type = 16) = $4
                         ORDER BY r.record_id FOR UPDATE OF r SKIP LOCKED""")
                .execute(Tuple.of(customerId, bucket, end, sampled))
                .flatMap(rows -> {
                    List<Row> records = new ArrayList<>();
                    rows.forEach(records::add);
                    if (records.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    String digest = Sha256.hex(String.join(",", records.stream()
                            .map(r -> r.getString("record_id")).toList())).substring(0, 12);
                    String tradeId = "USG" + HOUR.format(bucket.toInstant()) + "-" + digest;
                    return lines(connection, customerId, bucket, end, sampled, records, prices, tradeId)
                            .flatMap(lines -> payer(connection, customerId).flatMap(payer -> {
                                ChargeRequest request = new ChargeRequest("usage:" + customerId + ":" + tradeId,
                                        customerId, payer, tradeId, List.of(), true, true, lines,
                                        BssTime.formatWire(bucket.toInstant()));
                                return charges.charge(connection, ChargeService.header(request), request);
                            }))
                            .call(() -> connection.preparedQuery(
                                            "UPDATE usage_record SET rated_trade_id = $2 WHERE record_id = ANY($1)")
                                    .execute(Tuple.of(records.stream().map(r -> r.getString("record_id"))
                                            .toArray(String[]::new), tradeId)))
                            .replaceWith(records.size());
                }));
    }

    /**
     * One usage group: a resource's use of one usage type in the period, over the span its records cover (a record
     * that began in the hour may run past it: a day's metering rated in its first hour is shown over that day).
     */
    private record Group(Row first, UsageCatalog.Price price, BigDecimal usage, BigDecimal size, OffsetDateTime begin,
            OffsetDateTime end) {
    }

    private Uni<List<BillLineInput>> lines(SqlConnection connection, String customerId, OffsetDateTime bucket,
            OffsetDateTime end, boolean sampled, List<Row> records, UsageCatalog.Prices prices, String tradeId) {
        Map<String, List<Row>> grouped = new LinkedHashMap<>();
        for (Row r : records) {
            grouped.computeIfAbsent(r.getString("resource_id") + "|" + r.getString("product_id") + "|"
                    + r.getString("usage_type_code"), k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Row> rows : grouped.values()) {
            Row first = rows.getFirst();
            UsageCatalog.Price price = prices.byProduct(first.getString("product_id"), first.getString("usage_type_code"))
                    .orElseThrow();
            List<BigDecimal> values = rows.stream().map(r -> prices.converter().convert(r.getBigDecimal("usage"),
                    r.getInteger("usage_measure_id"), price.usageMeasureId()).orElseThrow()).toList();
            BigDecimal usage = sampled ? percentile95(values) : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal size = price.sizeMeasureId() == null ? BigDecimal.ONE : prices.converter().convert(
                    BigDecimal.valueOf(first.getInteger("resource_size")), first.getInteger("size_measure_id"),
                    price.sizeMeasureId()).orElseThrow();
            // a 95th percentile is a figure of the whole day, whatever the samples' spans
            OffsetDateTime from = sampled ? bucket : rows.stream().map(r -> r.getOffsetDateTime("begin_time"))
                    .min(OffsetDateTime::compareTo).orElseThrow();
            OffsetDateTime to = sampled ? end : rows.stream().map(r -> r.getOffsetDateTime("end_time"))
                    .max(OffsetDateTime::compareTo).orElseThrow();
            groups.add(new Group(first, price, usage.setScale(8, RoundingMode.HALF_UP), size, from, to));
        }
        return Multi.createFrom().iterable(groups)
                .onItem().transformToUniAndConcatenate(group -> line(connection, customerId, bucket, sampled,
                        group, prices, tradeId))
                .collect().asList();
    }

    private Uni<BillLineInput> line(SqlConnection connection, String customerId, OffsetDateTime bucket,
            boolean sampled, Group group, UsageCatalog.Prices prices, String tradeId) {
        UsageCatalog.Price price = group.price();
        return io.openbss.billing.freeresources.FreeResourceUse.use(connection, customerId, group.first().getString("resource_id"),
                        price.resourceTypeCode(), price.usageTypeCode(), price.regionCode(), price.usageMeasureId(),
                        group.usage(), bucket, tradeId, prices.converter())
                .flatMap(covered -> bestDiscount(connection, customerId, price.serviceTypeCode(), bucket)
                        .map(rate -> {
                            BigDecimal billed = group.usage().subtract(covered);
                            BigDecimal official = price.unitPrice().multiply(billed).multiply(group.size())
                                    .setScale(8, RoundingMode.HALF_UP);
                            BigDecimal discount = official.multiply(BigDecimal.ONE.subtract(rate))
                                    .setScale(8, RoundingMode.HALF_UP);
                            String unit = "元/" + (price.sizeMeasureId() == null ? ""
                                    : prices.unitNames().get(price.sizeMeasureId()) + "/")
                                    + prices.unitNames().get(price.usageMeasureId());
                            return new BillLineInput(price.serviceTypeCode(), price.resourceTypeCode(),
                                    price.regionCode(), group.first().getString("resource_id"),
                                    group.first().getString("resource_name"), price.productId(), price.specDescZh(),
                                    group.first().getString("enterprise_project_id"), null, 5, 3, sampled ? 24 : 25,
                                    price.usageTypeCode(), group.usage(), price.usageMeasureId(), covered,
                                    price.unitPrice(), unit, BssTime.formatWire(group.begin().toInstant()),
                                    BssTime.formatWire(group.end().toInstant()), official, discount,
                                    official.subtract(discount));
                        }));
    }

    /** The lowest pay-per-use rate among the customer's valid commercial discounts for the service; 1 if none. */
    private static Uni<BigDecimal> bestDiscount(SqlConnection connection, String customerId, String service,
            OffsetDateTime at) {
        return connection.preparedQuery("""
                        SELECT min(discount_rate) AS rate FROM commercial_discount
                         WHERE customer_id = $1 AND valid_from <= $2 AND valid_to > $2
                           AND (service_type_code IS NULL OR service_type_code = $3)
                           AND (charging_mode IS NULL OR charging_mode = 3)""")
                .execute(Tuple.of(customerId, at, service))
                .map(rows -> {
                    BigDecimal rate = rows.iterator().next().getBigDecimal("rate");
                    return rate == null ? BigDecimal.ONE : rate;
                });
    }

    /** A sub-account in financial custody is paid for by its master. */
    private static Uni<String> payer(SqlConnection connection, String customerId) {
        return connection.preparedQuery("""
                        SELECT master_customer_id FROM enterprise_association
                         WHERE sub_customer_id = $1 AND financial_custody""")
                .execute(Tuple.of(customerId))
                .map(rows -> rows.size() == 0 ? customerId : rows.iterator().next().getString("master_customer_id"));
    }

    /** The 95th percentile by nearest rank: the top 5% of samples are dropped. */
    static BigDecimal percentile95(List<BigDecimal> samples) {
        List<BigDecimal> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
