package io.openbss.orders.renewals;

import io.openbss.billing.client.BillingModels;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.orders.conditions.ServiceTypeCondition;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** ListRenewRateOnPeriod: what renewing main resources (with or without their subordinates) would cost. */
@Path("/v2/bills/ratings/period-resources/renew-rate")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class RenewRateResource {

    @Inject
    ServiceTypeCondition condition;

    @Inject
    CurrentCaller caller;

    @Inject
    RenewalService renewals;

    /** ListRenewRateOnPeriodResponse of the SDK. */
    public record RenewRates(String currency,
            List<InquiryResult> renewInquiryResults,
            OfficialResult officialWebsiteRatingResult,
            List<DiscountResult> optionalDiscountRatingResults,
            List<RenewalService.Failure> failResourceInfos) {
    }

    public record InquiryResult(String resourceId,
            String amount) {
    }

    public record OfficialResult(String officialWebsiteAmount) {
    }

    public record DiscountResult(String discountId, String amount,
            String officialWebsiteAmount,
            String discountAmount,
            int discountType, String discountName,
            int bestOffer) {
    }

    @POST
    @Operation(operationId = "ListRenewRateOnPeriod", summary = "The price of renewing yearly/monthly resources")
    public Uni<RenewRates> rate(RenewalRequest request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        boolean withSubordinates = Boolean.TRUE.equals(request.includeRelativeResources());
        return condition.onResources(caller.get(), request.resourceIds())
                .chain(() -> renewals.quote(caller.get().customerId(), request)).map(quote -> {
            List<InquiryResult> results = new ArrayList<>();
            BigDecimal official = BigDecimal.ZERO;
            Map<String, BigDecimal[]> offers = new LinkedHashMap<>();
            Map<String, BillingModels.Offer> names = new LinkedHashMap<>();
            BigDecimal best = BigDecimal.ZERO;
            for (Map.Entry<String, BillingModels.RatedProducts> entry : quote.byResource().entrySet()) {
                BigDecimal amount = BigDecimal.ZERO;
                for (BillingModels.RatedProduct item : entry.getValue().items()) {
                    if (!withSubordinates && !item.id().equals(entry.getKey())) {
                        continue;
                    }
                    amount = amount.add(item.amount());
                    official = official.add(item.officialAmount());
                    best = best.add(item.discountAmount());
                    for (BillingModels.Offer offer : item.discounts()) {
                        names.putIfAbsent(offer.discountId(), offer);
                        offers.computeIfAbsent(offer.discountId(), k -> new BigDecimal[] {BigDecimal.ZERO})[0] =
                                offers.get(offer.discountId())[0].add(offer.amount());
                    }
                }
                results.add(new InquiryResult(entry.getKey(), money(amount)));
            }
            List<DiscountResult> discounts = new ArrayList<>();
            for (Map.Entry<String, BigDecimal[]> offer : offers.entrySet()) {
                BillingModels.Offer named = names.get(offer.getKey());
                BigDecimal discount = offer.getValue()[0];
                discounts.add(new DiscountResult(offer.getKey(), money(official.subtract(discount)), money(official),
                        money(discount), named.type(), named.name(), discount.compareTo(best) == 0 ? 1 : 0));
            }
            return new RenewRates("CNY", results, new OfficialResult(money(official)), discounts, List.of());
        });
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
