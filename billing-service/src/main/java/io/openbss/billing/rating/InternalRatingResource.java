package io.openbss.billing.rating;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Internal rating API: orders-service prices new purchases and renewals for a customer. Each item gets its official
 * amount, every applicable discount, and the best one (the largest, commercial first on a tie), which is what an
 * order charges.
 */
@Path("/internal/v1/ratings/period")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class InternalRatingResource {

    @Inject
    RatingService rating;

    public record RatedProducts(BigDecimal officialAmount,
            BigDecimal discountAmount, BigDecimal amount,
            List<RatedProduct> items) {
    }

    public record RatedProduct(String id, String productId,
            String serviceTypeCode,
            String resourceTypeCode,
            String resourceTypeName,
            String resourceSpec, String regionCode,
            String specDescZh, String specDescEn,
            int maxPeriodMonths,
            BigDecimal officialAmount,
            BigDecimal discountAmount, BigDecimal amount,
            AppliedDiscount bestDiscount,
            List<AppliedDiscount> discounts) {
    }

    public record AppliedDiscount(String discountId,
            int discountType, String discountName,
            BigDecimal discountAmount) {
    }

    @POST
    @Operation(summary = "Price yearly/monthly products for a customer, with the discount an order would apply")
    public Uni<RatedProducts> rate(RatingRequests.InternalPeriodRating request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return rating.quotePeriod(request.customerId(), request.validated()).map(quote -> {
            List<RatedProduct> items = quote.items().stream().map(i -> new RatedProduct(i.item().spec().id(),
                    i.product().productId(), i.product().serviceTypeCode(), i.product().resourceTypeCode(),
                    i.product().resourceTypeNameZh(), i.product().resourceSpec(), i.product().regionCode(),
                    i.product().specDescZh(), i.product().specDescEn(), i.product().maxPeriodMonths(), i.official(),
                    i.bestDiscount(), i.amount(),
                    i.best().map(d -> new AppliedDiscount(d.id(), d.type(), d.nameZh(), i.offers().get(d)))
                            .orElse(null),
                    i.offers().entrySet().stream().map(e -> new AppliedDiscount(e.getKey().id(), e.getKey().type(),
                            e.getKey().nameZh(), e.getValue())).toList())).toList();
            BigDecimal amount = items.stream().map(RatedProduct::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new RatedProducts(quote.official(), quote.official().subtract(amount), amount, items);
        });
    }
}
