package io.openbss.orders.renewals;

import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import java.util.List;

/** The {@code resource_ids} of renewals and unsubscriptions: 1 to {@code max} different main resource ids. */
public final class MainResourceIds {

    private MainResourceIds() {
    }

    public static void check(List<String> ids, int max) {
        if (ids == null || ids.isEmpty() || ids.size() > max) {
            throw BssException.badParameter("resource_ids", "must hold 1 to " + max + " main resource ids");
        }
        for (int i = 0; i < ids.size(); i++) {
            requiredText("resource_ids[" + i + "]", ids.get(i), 64);
        }
        if (ids.stream().distinct().count() != ids.size()) {
            throw BssException.badParameter("resource_ids", "must not repeat a resource");
        }
    }
}
