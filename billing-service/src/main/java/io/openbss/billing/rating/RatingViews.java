package io.openbss.billing.rating;

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
            OfficialRating officialWebsiteRatingResult,
            List<DiscountRating> optionalDiscountRatingResults,
            String currency) {

        static PeriodRating of(Quote quote, Language language) {
            OfficialRating official = new OfficialRating(quote.official(), YUAN, quote.items().stream()
                    .map(i -> new ProductOfficialRating(i.item().spec().id(), i.product().productId(), i.official(),
                            YUAN))
                    .toList());
            Optional<Discount> best = quote.discounts().stream().filter(Discount::commercial)
                    .max(Comparator.comparing(d -> totalOff(quote, d)));
            List<DiscountRating> discounts = quote.discounts().stream().map(d -> {
                List<ProductDiscountRating> products = quote.items().stream().map(i -> {
                    BigDecimal off = i.offers().getOrDefault(d, BigDecimal.ZERO.setScale(2));
                    return new ProductDiscountRating(i.item().spec().id(), i.product().productId(),
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

    public record OfficialRating(BigDecimal officialWebsiteAmount,
            int measureId,
            List<ProductOfficialRating> productRatingResults) {
    }

    public record ProductOfficialRating(String id, String productId,
            BigDecimal officialWebsiteAmount,
            int measureId) {
    }

    public record DiscountRating(String discountId,
            BigDecimal amount,
            BigDecimal officialWebsiteAmount,
            BigDecimal discountAmount, int measureId,
            int discountType, String discountName,
            int bestOffer,
            List<ProductDiscountRating> productRatingResults) {
    }

    public record ProductDiscountRating(String id, String productId,
            BigDecimal amount,
            BigDecimal officialWebsiteAmount,
            BigDecimal discountAmount, int measureId) {
    }

    public record OnDemandRating(BigDecimal amount,
            BigDecimal discountAmount,
            BigDecimal officialWebsiteAmount,
            int measureId, String currency,
            List<DemandProductRating> productRatingResults) {

        static OnDemandRating of(Quote quote, Language language) {
            List<DemandProductRating> products = quote.items().stream().map(i -> new DemandProductRating(
                    i.item().spec().id(), i.product().productId(), i.amount(), i.bestDiscount(), i.official(), YUAN,
                    i.offers().entrySet().stream().map(e -> new DemandDiscountRating(e.getKey().id(),
                            e.getKey().type(), e.getValue(), YUAN, e.getKey().name(language))).toList())).toList();
            BigDecimal amount = products.stream().map(DemandProductRating::amount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            BigDecimal off = products.stream().map(DemandProductRating::discountAmount).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            return new OnDemandRating(amount, off, quote.official(), YUAN, CNY, products);
        }
    }

    public record DemandProductRating(String id, String productId,
            BigDecimal amount, BigDecimal discountAmount,
            BigDecimal officialWebsiteAmount,
            int measureId,
            List<DemandDiscountRating> discountRatingResults) {
    }

    public record DemandDiscountRating(String discountId,
            int discountType, BigDecimal amount,
            int measureId, String discountName) {
    }
}
