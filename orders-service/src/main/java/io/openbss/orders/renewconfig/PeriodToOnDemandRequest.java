package io.openbss.orders.renewconfig;

import static io.openbss.common.request.RequestParameters.required;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.util.List;

/** PeriodToOnDemandReq of the SDK: SET_UP or CANCEL the change to pay-per-use at expiry, for 1-100 main resources. */
public record PeriodToOnDemandRequest(String operation,
        List<String> resourceIds) {

    public static final String SET_UP = "SET_UP";
    public static final String CANCEL = "CANCEL";

    public void validate() {
        required("operation", operation);
        if (!operation.equals(SET_UP) && !operation.equals(CANCEL)) {
            throw BssException.badParameter("operation", "must be SET_UP or CANCEL");
        }
        if (resourceIds == null || resourceIds.isEmpty() || resourceIds.size() > 100) {
            throw BssException.badParameter("resource_ids", "must hold 1 to 100 resource ids");
        }
        for (int i = 0; i < resourceIds.size(); i++) {
            requiredText("resource_ids[" + i + "]", resourceIds.get(i), 64);
        }
    }

    public boolean setUp() {
        return SET_UP.equals(operation);
    }
}
