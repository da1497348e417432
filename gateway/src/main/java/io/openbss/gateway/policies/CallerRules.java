package io.openbss.gateway.policies;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.common.operations.Operation;

/**
 * Who may call what: the Caller column of the operation table, which holds for an account and its IAM users alike,
 * before any user policy is read.
 */
public final class CallerRules {

    private CallerRules() {
    }

    /** Why {@code caller} may not call {@code operation} (answered 403 CBC.0151), or null when it may. */
    public static String refusal(Operation operation, CallerIdentity caller) {
        return switch (operation.caller()) {
            case MASTER -> caller.isEnterpriseMaster() ? null : CallerIdentity.MASTER_ONLY;
            case CUSTOMER -> caller.kind() == CallerKind.PARTNER
                    ? "Access denied: partner accounts cannot call customer APIs" : null;
            case ANY -> null;
        };
    }
}
