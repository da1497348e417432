package io.openbss.orders.renewals;

import static io.openbss.common.request.RequestParameters.checkRange;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.error.BssException;
import java.util.List;

/**
 * RenewalResourcesReq and ListRenewRateOnPeriodReq of the SDK: 1-10 main resources renewed by 1-11 months or 1-3
 * years; {@code is_auto_pay} 1 pays at once, with discounts and coupons (AutomaticPayment).
 */
public record RenewalRequest(@JsonProperty("resource_ids") List<String> resourceIds,
        @JsonProperty("period_type") Integer periodType, @JsonProperty("period_num") Integer periodNum,
        @JsonProperty("is_auto_pay") Integer isAutoPay,
        @JsonProperty("include_relative_resources") Boolean includeRelativeResources) {

    public void validate() {
        MainResourceIds.check(resourceIds, 10);
        if (periodType == null) {
            throw BssException.badParameter("period_type", "is required: 2 (month) or 3 (year)");
        }
        checkRange("period_type", periodType, 2, 3, null);
        if (periodNum == null) {
            throw BssException.badParameter("period_num", "is required");
        }
        checkRange("period_num", periodNum, 1, periodType == 2 ? 11 : 3, null);
        checkRange("is_auto_pay", isAutoPay, 0, 1, 0);
    }

    int months() {
        return periodType == 3 ? periodNum * 12 : periodNum;
    }

    boolean autoPay() {
        return isAutoPay != null && isAutoPay == 1;
    }
}
