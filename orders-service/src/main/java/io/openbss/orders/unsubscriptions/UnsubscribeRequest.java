package io.openbss.orders.unsubscriptions;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.error.BssException;
import java.util.List;

/** UnsubscribeResourcesReq of the SDK: 1-10 main resources; type 1 the resource and its renewals, 2 renewals only. */
public record UnsubscribeRequest(@JsonProperty("resource_ids") List<String> resourceIds,
        @JsonProperty("unsubscribe_type") Integer unsubscribeType,
        @JsonProperty("unsubscribe_reason_type") Integer unsubscribeReasonType,
        @JsonProperty("unsubscribe_reason") String unsubscribeReason) {

    public void validate() {
        if (resourceIds == null || resourceIds.isEmpty() || resourceIds.size() > 10) {
            throw BssException.badParameter("resource_ids", "must hold 1 to 10 main resource ids");
        }
        for (int i = 0; i < resourceIds.size(); i++) {
            requiredText("resource_ids[" + i + "]", resourceIds.get(i), 64);
        }
        if (resourceIds.stream().distinct().count() != resourceIds.size()) {
            throw BssException.badParameter("resource_ids", "must not repeat a resource");
        }
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
