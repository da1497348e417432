package io.openbss.orders.renewals;

import static io.openbss.common.request.RequestParameters.checkRange;

import io.openbss.common.error.BssException;
import java.util.List;

/**
 * RenewalResourcesReq and ListRenewRateOnPeriodReq of the SDK: 1-10 main resources renewed by 1-11 months or 1-3
 * years; {@code is_auto_pay} 1 pays at once, with discounts and coupons (AutomaticPayment).
 */
public record RenewalRequest(List<String> resourceIds,
        Integer periodType, Integer periodNum,
        Integer isAutoPay,
        Boolean includeRelativeResources) {

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
