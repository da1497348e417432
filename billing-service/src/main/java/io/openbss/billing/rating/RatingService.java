package io.openbss.billing.rating;

import io.openbss.billing.BillingError;
import io.openbss.billing.catalog.MeasureConverter;
import io.openbss.billing.catalog.OnDemandPrice;
import io.openbss.billing.catalog.Product;
import io.openbss.common.error.BssException;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Prices products from the catalog: official prices, then every discount that applies (the customer's commercial
 * discounts; promotions for yearly/monthly purchases). Yearly/monthly amounts are to the cent; pay-per-use amounts
 * keep 6 (or 10) decimals, truncated.
 */
@ApplicationScoped
public class RatingService {

    /** The largest amount one inquiry may reach (CBC.99006055 above it). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");
    static final int PERIOD_MONTH = 2;
    static final int PERIOD_YEAR = 3;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    public Uni<Quote> quotePeriod(String customerId, List<PeriodItem> items) {
        return load(customerId, items).map(context -> {
            List<Quote.QuotedItem> quoted = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                PeriodItem item = items.get(i);
                String at = "product_infos[" + i + "].";
                Product product = context.product(item.spec());
                BigDecimal unitPrice = switch (item.periodType()) {
                    case PERIOD_MONTH -> product.monthPrice();
                    case PERIOD_YEAR -> product.yearPrice();
                    default -> null;
                };
                if (unitPrice == null) {
                    throw notFound(item.spec());
                }
                long months = (long) item.periodNum() * (item.periodType() == PERIOD_YEAR ? 12 : 1);
                if (months > product.maxPeriodMonths()) {
                    throw new BssException(BillingError.PERIOD_CHECK_FAILED, "Subscription period check failed: "
                            + product.productId() + " is sold for at most " + product.maxPeriodMonths() + " months");
                }
                BigDecimal official = unitPrice.multiply(context.size(product, item.spec(), at))
                        .multiply(BigDecimal.valueOf(item.periodNum())).multiply(BigDecimal.valueOf(item.quantity()))
                        .setScale(2, RoundingMode.HALF_UP);
                Map<Discount, BigDecimal> offers = new LinkedHashMap<>();
                for (Discount discount : context.periodDiscounts(product, item)) {
                    offers.put(discount, discount.off(official, 2));
                }
                quoted.add(new Quote.QuotedItem(item, product, official, offers));
            }
            return checked(new Quote(quoted, context.discountsUsed(quoted)));
        });
    }

    public Uni<Quote> quoteOnDemand(String customerId, List<OnDemandItem> items, int scale) {
        return load(customerId, items).flatMap(context -> pool.preparedQuery(
                        "SELECT * FROM on_demand_price WHERE product_id = ANY($1)")
                .execute(Tuple.of(context.products.values().stream().map(Product::productId).toArray(String[]::new)))
                .map(rows -> rows.stream().map(OnDemandPrice::of).toList()).map(prices -> {
            List<Quote.QuotedItem> quoted = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                OnDemandItem item = items.get(i);
                String at = "product_infos[" + i + "].";
                Product product = context.product(item.spec());
                OnDemandPrice price = prices.stream().filter(p -> p.productId().equals(product.productId())
                        && p.usageTypeCode().equalsIgnoreCase(item.usageFactor())).findFirst()
                        .orElseThrow(() -> notFound(item.spec()));
                BigDecimal usage = context.converter.convert(item.usageValue(), item.usageMeasureId(),
                        price.usageMeasureId()).orElseThrow(() -> BssException.badParameter(at + "usage_measure_id",
                        "cannot be converted to the unit of " + price.usageTypeCode() + " (" + price.usageMeasureId()
                                + ")"));
                BigDecimal official = price.unitPrice().multiply(usage)
                        .multiply(context.size(product, item.spec(), at)).multiply(BigDecimal.valueOf(item.quantity()))
                        .setScale(scale, RoundingMode.DOWN);
                Map<Discount, BigDecimal> offers = new LinkedHashMap<>();
                for (Discount discount : context.onDemandDiscounts(product)) {
                    offers.put(discount, discount.off(official, scale));
                }
                quoted.add(new Quote.QuotedItem(item, product, official, offers));
            }
            return checked(new Quote(quoted, context.discountsUsed(quoted)));
        }));
    }

    private static Quote checked(Quote quote) {
        if (quote.official().compareTo(MAX_AMOUNT) > 0) {
            throw new BssException(BillingError.PRICE_EXCEEDS_MAXIMUM,
                    "The price exceeds the maximum amount of " + MAX_AMOUNT.toPlainString());
        }
        return quote;
    }

    private static BssException notFound(ProductSpec spec) {
        return new BssException(BillingError.PRODUCT_NOT_FOUND, "Product not found: " + spec.serviceType() + " "
                + spec.resourceType() + " " + spec.resourceSpec() + " in " + spec.region());
    }

    private Uni<Context> load(String customerId, List<? extends PricedItem> items) {
        String[] specs = items.stream().map(i -> i.spec().resourceSpec().toLowerCase(Locale.ROOT)).distinct()
                .toArray(String[]::new);
        OffsetDateTime now = BssTime.utc(clock.instant());
        return pool.preparedQuery("""
                        SELECT p.*, (SELECT t.name_zh FROM resource_type t
                                      WHERE t.resource_type_code = p.resource_type_code) AS resource_type_name_zh
                          FROM product p WHERE lower(p.resource_spec) = ANY($1)""")
                .execute(Tuple.of(specs)).map(rows -> rows.stream().map(Product::of).toList())
                .flatMap(products -> MeasureConverter.load(pool)
                        .flatMap(converter -> pool.preparedQuery("""
                                        SELECT * FROM commercial_discount
                                         WHERE customer_id = $1 AND valid_from <= $2 AND valid_to > $2""")
                                .execute(Tuple.of(customerId, now))
                                .map(rows -> rows.stream().map(CommercialDiscount::of).toList())
                                .flatMap(commercial -> pool.preparedQuery(
                                                "SELECT * FROM promotion WHERE valid_from <= $1 AND valid_to > $1")
                                        .execute(Tuple.of(now)).map(rows -> rows.stream().map(Promotion::of).toList())
                                        .map(promotions -> new Context(products, converter, commercial,
                                                promotions)))));
    }

    /** What one pricing needs from the database. */
    private static final class Context {

        final Map<String, Product> products = new HashMap<>();
        final MeasureConverter converter;
        final List<CommercialDiscount> commercial;
        final List<Promotion> promotions;

        Context(List<Product> products, MeasureConverter converter, List<CommercialDiscount> commercial,
                List<Promotion> promotions) {
            products.forEach(p -> this.products.put(key(p.serviceTypeCode(), p.resourceTypeCode(), p.resourceSpec(),
                    p.regionCode()), p));
            this.converter = converter;
            this.commercial = commercial;
            this.promotions = promotions;
        }

        Product product(ProductSpec spec) {
            Product product = products.get(key(spec.serviceType(), spec.resourceType(), spec.resourceSpec(),
                    spec.region()));
            if (product == null) {
                throw notFound(spec);
            }
            return product;
        }

        /** The size a linear product is priced for, in the product's unit; 1 for other products. */
        BigDecimal size(Product product, ProductSpec spec, String at) {
            if (!product.linear()) {
                return BigDecimal.ONE;
            }
            if (spec.resourceSize() == null) {
                throw BssException.badParameter(at + "resource_size", "is required for " + spec.resourceSpec());
            }
            if (spec.sizeMeasureId() == null) {
                throw BssException.badParameter(at + "size_measure_id", "is required for " + spec.resourceSpec());
            }
            return converter.convert(BigDecimal.valueOf(spec.resourceSize()), spec.sizeMeasureId(),
                    product.sizeMeasureId()).orElseThrow(() -> BssException.badParameter(at + "size_measure_id",
                    "cannot be converted to the unit of " + spec.resourceSpec() + " (" + product.sizeMeasureId()
                            + ")"));
        }

        List<Discount> periodDiscounts(Product product, PeriodItem item) {
            List<Discount> discounts = commercialFor(product, 1);
            for (Promotion p : promotions) {
                if (covers(p.serviceTypeCode(), product)
                        && (p.periodType() == null || p.periodType() == item.periodType())
                        && item.periodNum() >= p.minPeriodNum()) {
                    discounts.add(new Discount(p.promotionId(), Discount.PROMOTION_TYPE, p.nameZh(), p.nameEn(),
                            p.discountRate(), false));
                }
            }
            return discounts;
        }

        List<Discount> onDemandDiscounts(Product product) {
            return commercialFor(product, 3);
        }

        private List<Discount> commercialFor(Product product, int chargingMode) {
            List<Discount> discounts = new ArrayList<>();
            for (CommercialDiscount d : commercial) {
                if (covers(d.serviceTypeCode(), product)
                        && (d.chargingMode() == null || d.chargingMode() == chargingMode)) {
                    discounts.add(new Discount(d.discountId(), d.discountType(), d.name(), d.name(), d.discountRate(),
                            true));
                }
            }
            return discounts;
        }

        List<Discount> discountsUsed(List<Quote.QuotedItem> items) {
            return items.stream().flatMap(i -> i.offers().keySet().stream()).distinct().toList();
        }

        private static boolean covers(String serviceTypeCode, Product product) {
            return serviceTypeCode == null || Objects.equals(serviceTypeCode, product.serviceTypeCode());
        }

        private static String key(String service, String resource, String spec, String region) {
            return (service + "|" + resource + "|" + spec + "|" + region).toLowerCase(Locale.ROOT);
        }
    }
}
