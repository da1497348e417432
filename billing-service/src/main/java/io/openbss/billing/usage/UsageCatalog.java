package io.openbss.billing.usage;

import io.openbss.billing.catalog.MeasureConverter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The pay-per-use prices and unit conversions that metering and rating need, read in one go. */
@ApplicationScoped
public class UsageCatalog {

    @Inject
    Pool pool;

    /** A product's pay-per-use price for one usage type; {@code sizeMeasureId} is set for linear products. */
    public record Price(String productId, String serviceTypeCode, String resourceTypeCode, String resourceSpec,
            String regionCode, String usageTypeCode, int usageMeasureId, int usageMeasureType, BigDecimal unitPrice,
            Integer sizeMeasureId, String specDescZh) {

        /** Bandwidth rates are sampled and rated per day on their 95th percentile, the rest summed per hour. */
        public boolean sampled() {
            return usageMeasureType == 16;
        }
    }

    /** Prices by product identity and usage type, the converter between units, and unit names (zh_CN). */
    public record Prices(Map<String, Price> prices, MeasureConverter converter, Map<Integer, String> unitNames) {

        public Optional<Price> price(String service, String resourceType, String spec, String region, String usage) {
            return Optional.ofNullable(prices.get(key(service, resourceType, spec, region, usage)));
        }

        public Optional<Price> byProduct(String productId, String usage) {
            return prices.values().stream().filter(p -> p.productId().equals(productId)
                    && p.usageTypeCode().equalsIgnoreCase(usage)).findFirst();
        }
    }

    public Uni<Prices> load() {
        return pool.query("""
                        SELECT p.product_id, p.service_type_code, p.resource_type_code, p.resource_spec, p.region_code,
                               p.size_measure_id, p.spec_desc_zh, o.usage_type_code, o.usage_measure_id, o.unit_price,
                               m.measure_type
                          FROM product p JOIN on_demand_price o ON o.product_id = p.product_id
                          JOIN measure_unit m ON m.measure_id = o.usage_measure_id""").execute()
                .flatMap(rows -> MeasureConverter.load(pool).flatMap(converter -> pool.query(
                                "SELECT measure_id, name_zh FROM measure_unit").execute().map(units -> {
                            Map<String, Price> prices = new HashMap<>();
                            for (Row row : rows) {
                                Price price = new Price(row.getString("product_id"), row.getString("service_type_code"),
                                        row.getString("resource_type_code"), row.getString("resource_spec"),
                                        row.getString("region_code"), row.getString("usage_type_code"),
                                        row.getInteger("usage_measure_id"), row.getInteger("measure_type"),
                                        row.getBigDecimal("unit_price"), row.getInteger("size_measure_id"),
                                        row.getString("spec_desc_zh"));
                                prices.put(key(price.serviceTypeCode(), price.resourceTypeCode(), price.resourceSpec(),
                                        price.regionCode(), price.usageTypeCode()), price);
                            }
                            Map<Integer, String> names = new HashMap<>();
                            units.forEach(row -> names.put(row.getInteger("measure_id"), row.getString("name_zh")));
                            return new Prices(prices, converter, names);
                        })));
    }

    static String key(String service, String resourceType, String spec, String region, String usage) {
        return (service + "|" + resourceType + "|" + spec + "|" + region + "|" + usage).toLowerCase(Locale.ROOT);
    }
}
