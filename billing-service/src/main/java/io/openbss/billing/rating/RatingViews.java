package io.openbss.billing.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.request.Language;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The answers of ListRateOnPeriodDetail and ListOnDemandResourceRatings, as the SDK's models have them. */
public final class RatingViews {

    static final int YUAN = 1;
    static final String CNY = "CNY";

    private RatingViews() {
    }

    public record PeriodRating(
            @JsonProperty("official_website_rating_result") OfficialRating officialWebsiteRatingResult,
            @JsonProperty("optional_discount_rating_results") List<DiscountRating> optionalDiscountRatingResults,
            @JsonProperty("currency") String currency) {

        static PeriodRating of(Quote quote, Language language) {
            OfficialRating official = new OfficialRating(quote.official(), YUAN, quote.items().stream()
                    .map(i -> new ProductOfficialRating(i.item().spec().id(), i.product().productId, i.official(), YUAN))
                    .toList());
            Optional<Discount> best = quote.discounts().stream().filter(Discount::commercial)
                    .max(Comparator.comparing(d -> totalOff(quote, d)));
            List<DiscountRating> discounts = quote.discounts().stream().map(d -> {
                List<ProductDiscountRating> products = quote.items().stream().map(i -> {
                    BigDecimal off = i.offers().getOrDefault(d, BigDecimal.ZERO.setScale(2));
                    return new ProductDiscountRating(i.item().spec().id(), i.product().productId,
                            i.official().subtract(off), i.official(), off, YUAN);
                }).toList();
                BigDecimal off = totalOff(quote, d);
                return new DiscountRating(d.id(), quote.official().subtract(off), quote.official(), off, YUAN,
                        d.type(), d.name(language), best.filter(d::equals).isPresent() ? 1 : 0, products);
            }).toList();
            return new PeriodRating(official, discounts, CNY);
        }

        private static BigDecimal totalOff(Quote quote, Discount discount) {
            return quote.items().stream().map(i -> i.offers().getOrDefault(discount, BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record OfficialRating(@JsonProperty("official_website_amount") BigDecimal officialWebsiteAmount,
            @JsonProperty("measure_id") int measureId,
            @JsonProperty("product_rating_results") List<ProductOfficialRating> productRatingResults) {
    }

    public record ProductOfficialRating(@JsonProperty("id") String id, @JsonProperty("product_id") String productId,
            @JsonProperty("official_website_amount") BigDecimal officialWebsiteAmount,
            @JsonProperty("measure_id") int measureId) {
    }

    public record DiscountRating(@JsonProperty("discount_id") String discountId,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("official_website_amount") BigDecimal officialWebsiteAmount,
            @JsonProperty("discount_amount") BigDecimal discountAmount, @JsonProperty("measure_id") int measureId,
            @JsonProperty("discount_type") int discountType, @JsonProperty("discount_name") String discountName,
            @JsonProperty("best_offer") int bestOffer,
            @JsonProperty("product_rating_results") List<ProductDiscountRating> productRatingResults) {
    }

    public record ProductDiscountRating(@JsonProperty("id") String id, @JsonProperty("product_id") String productId,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("official_website_amount") BigDecimal officialWebsiteAmount,
            @JsonProperty("discount_amount") BigDecimal discountAmount, @JsonProperty("measure_id") int measureId) {
    }

    public record OnDemandRating(@JsonProperty("amount") BigDecimal amount,
            @JsonProperty("discount_amount") BigDecimal discountAmount,
            @JsonProperty("official_website_amount") BigDecimal officialWebsiteAmount,
            @JsonProperty("measure_id") int measureId, @JsonProperty("currency") String currency,
            @JsonProperty("product_rating_results") List<DemandProductRating> productRatingResults) {

        static OnDemandRating of(Quote quote, Language language) {
            List<DemandProductRating> products = quote.items().stream().map(i -> new DemandProductRating(
                    i.item().spec().id(), i.product().productId, i.amount(), i.bestDiscount(), i.official(), YUAN,
                    i.offers().entrySet().stream().map(e -> new DemandDiscountRating(e.getKey().id(),
                            e.getKey().type(), e.getValue(), YUAN, e.getKey().name(language))).toList())).toList();
            BigDecimal amount = products.stream().map(DemandProductRating::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            BigDecimal off = products.stream().map(DemandProductRating::discountAmount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            return new OnDemandRating(amount, off, quote.official(), YUAN, CNY, products);
        }
    }

    public record DemandProductRating(@JsonProperty("id") String id, @JsonProperty("product_id") String productId,
            @JsonProperty("amount") BigDecimal amount, @JsonProperty("discount_amount") BigDecimal discountAmount,
            @JsonProperty("official_website_amount") BigDecimal officialWebsiteAmount,
            @JsonProperty("measure_id") int measureId,
            @JsonProperty("discount_rating_results") List<DemandDiscountRating> discountRatingResults) {
    }

    public record DemandDiscountRating(@JsonProperty("discount_id") String discountId,
            @JsonProperty("discount_type") int discountType, @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("measure_id") int measureId, @JsonProperty("discount_name") String discountName) {
    }
}
