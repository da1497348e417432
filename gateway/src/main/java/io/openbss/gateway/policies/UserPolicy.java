package io.openbss.gateway.policies;

import io.openbss.common.operations.BssRole;
import java.util.Set;

/**
 * A role granted to an IAM user, limited to some cloud service types when {@code cloudServiceTypes} is not null
 * (the {@code billing:cloudServiceType} condition).
 */
public record UserPolicy(BssRole role, Set<String> cloudServiceTypes) {

    /** Whether this policy allows the action on a call that names these service types. */
    boolean allows(String action) {
        return role.allows(action);
    }

    boolean coversServiceTypes(Set<String> named) {
        return cloudServiceTypes == null || (!named.isEmpty() && cloudServiceTypes.containsAll(named));
    }
}
