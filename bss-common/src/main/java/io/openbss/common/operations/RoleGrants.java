package io.openbss.common.operations;

import java.util.Collection;

/**
 * What the roles a Keystone token body lists ({@code token.roles[].name}) allow, by the rule the gateway enforces:
 * {@code te_admin}, the role of an account's own user, allows everything; an IAM user's {@code bss_*} roles allow
 * what their {@link BssRole} patterns match; any other name allows nothing. The {@code iam:} actions (getting and
 * revoking one's own token, listing one's account) need no role. A policy's {@code billing:cloudServiceType}
 * condition does not show in the token, so a call that this allows may still be refused for its service types.
 */
public final class RoleGrants {

    /** The role a token of an account's own user lists. */
    public static final String ACCOUNT_ROLE = "te_admin";

    private RoleGrants() {
    }

    /** Whether a caller whose token lists {@code roleNames} may call {@code operation}. */
    public static boolean allows(Collection<String> roleNames, Operation operation) {
        return allows(roleNames, operation.action());
    }

    /** Whether a caller whose token lists {@code roleNames} holds the IAM {@code action}. */
    public static boolean allows(Collection<String> roleNames, String action) {
        if (needsNoRole(action) || roleNames.contains(ACCOUNT_ROLE)) {
            return true;
        }
        return roleNames.stream().anyMatch(name -> BssRole.fromWireName(name).filter(r -> r.allows(action))
                .isPresent());
    }

    /** Whether every authenticated caller holds the action: the IAM slice's own operations, on its own identity. */
    public static boolean needsNoRole(String action) {
        return action.startsWith("iam:");
    }
}
