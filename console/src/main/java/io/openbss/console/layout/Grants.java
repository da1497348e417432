package io.openbss.console.layout;

import io.openbss.common.operations.RoleGrants;
import io.openbss.common.operations.Operation;
import io.openbss.console.api.PublicApi;
import io.openbss.console.session.Session;

/**
 * What a customer's session may call, decided from its token's roles by the gateway's own role definitions, so
 * that a page shows only the menus and actions the API would allow (the API still decides).
 */
public final class Grants {

    private Grants() {
    }

    public static boolean may(Session session, String operationName) {
        if (session.operator()) {
            return false;
        }
        Operation operation = PublicApi.operation(operationName);
        if (operation.caller() == Operation.CallerRule.MASTER && !session.master()) {
            return false;
        }
        return RoleGrants.allows(session.roles(), operation);
    }
}
