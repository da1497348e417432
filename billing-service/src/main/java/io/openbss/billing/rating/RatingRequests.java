package io.openbss.billing.rating;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The bodies of the two inquiries (RateOnPeriodReq, RateOnDemandReq) and of the internal rating API. */
public final class RatingRequests {

    static final int MAX_ITEMS = 100;

    private RatingRequests() {
    }

    public record RateOnPeriodReq(String projectId,
            List<PeriodProductInfo> productInfos) {

        List<PeriodItem> validated() {
            requiredText("project_id", projectId, 64);
            return items(productInfos, PeriodProductInfo::validated);
        }
    }

    public record RateOnDemandReq(String projectId,
            Integer inquiryPrecision,
            List<DemandProductInfo> productInfos) {

        List<OnDemandItem> validated() {
            requiredText("project_id", projectId, 64);
            checkRange("inquiry_precision", inquiryPrecision, 0, 1, 0);
            return items(productInfos, DemandProductInfo::validated);
        }

        /** Decimals of pay-per-use amounts: 6 by default, 10 with inquiry_precision 1. */
        int scale() {
            return inquiryPrecision != null && inquiryPrecision == 1 ? 10 : 6;
        }
    }

    /** Internal: price yearly/monthly items for a customer (orders, renewals). */
    public record InternalPeriodRating(String customerId,
            List<PeriodProductInfo> productInfos) {

        List<PeriodItem> validated() {
            requiredText("customer_id", customerId, 64);
            return items(productInfos, PeriodProductInfo::validated);
        }
    }

    static <T, I extends PricedItem> List<I> items(List<T> infos, BiFunction<T, String, I> validate) {
        if (infos == null || infos.isEmpty() || infos.size() > MAX_ITEMS) {
            throw BssException.badParameter("product_infos", "must hold 1 to " + MAX_ITEMS + " products");
        }
        List<I> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < infos.size(); i++) {
            String at = "product_infos[" + i + "].";
            if (infos.get(i) == null) {
                throw BssException.badParameter("product_infos[" + i + "]", "must be an object");
            }
            I item = validate.apply(infos.get(i), at);
            if (!ids.add(item.spec().id())) {
                throw BssException.badParameter(at + "id", "repeats another product's id");
            }
            items.add(item);
        }
        return items;
    }
}
