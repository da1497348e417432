package io.openbss.orders.unsubscriptions;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalText;

import io.openbss.common.error.BssException;
import io.openbss.orders.renewals.MainResourceIds;
import java.util.List;

/** UnsubscribeResourcesReq of the SDK: 1-10 main resources; type 1 the resource and its renewals, 2 renewals only. */
public record UnsubscribeRequest(List<String> resourceIds,
        Integer unsubscribeType,
        Integer unsubscribeReasonType,
        String unsubscribeReason) {

    public void validate() {
        MainResourceIds.check(resourceIds, 10);
        if (unsubscribeType == null) {
            throw BssException.badParameter("unsubscribe_type", "is required: 1 or 2");
        }
        checkRange("unsubscribe_type", unsubscribeType, 1, 2, null);
        checkRange("unsubscribe_reason_type", unsubscribeReasonType, 1, 5, null);
        optionalText("unsubscribe_reason", unsubscribeReason, 512);
    }

    boolean resourceToo() {
        return unsubscribeType == 1;
    }
}
