package io.openbss.orders.renewconfig;

import static io.openbss.common.request.RequestParameters.checkRange;


/**
 * AutoRenewalResourcesReq of the SDK: how many times to renew, 0 for no limit. Absent, it means no limit when
 * auto-renewal is first turned on and leaves the count as it is when auto-renewal is already on.
 */
public record AutoRenewalRequest(Integer autoRenewTimes) {

    public static final AutoRenewalRequest ABSENT = new AutoRenewalRequest(null);

    public void validate() {
        checkRange("auto_renew_times", autoRenewTimes, 0, 99, null);
    }
}
