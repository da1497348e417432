package io.openbss.gateway.policies;

import io.openbss.common.operations.Operation;
import io.openbss.gateway.identity.Credential;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Whether a caller's policies allow an operation: an account itself (its root user) may do everything; an IAM user
 * what one of its roles allows (default: nothing), within the cloud service types of the role's condition if it has
 * one (a call that names no service type is outside every such condition). Getting a token or the account's domain
 * needs no policy.
 */
@Singleton
public class PolicyCheck {

    public enum Verdict {
        ALLOWED,
        /** No policy of the user allows the action: 403 APIG.0302. */
        NOT_ALLOWED,
        /** Allowed only for other cloud service types: 403 CBC.0151 (seed 000). */
        OUTSIDE_SERVICE_TYPES
    }

    @Inject
    PolicyStore policies;

    public CompletionStage<Verdict> check(Credential caller, Operation operation,
            Supplier<Set<String>> serviceTypes) {
        if (caller.rootUser() || operation.action().startsWith("iam:")) {
            return CompletableFuture.completedFuture(Verdict.ALLOWED);
        }
        return policies.ofUser(caller.userId()).thenApply(granted -> verdict(granted, operation.action(),
                serviceTypes));
    }

    static Verdict verdict(List<UserPolicy> granted, String action, Supplier<Set<String>> serviceTypes) {
        List<UserPolicy> allowing = granted.stream().filter(p -> p.allows(action)).toList();
        if (allowing.isEmpty()) {
            return Verdict.NOT_ALLOWED;
        }
        if (allowing.stream().anyMatch(p -> p.cloudServiceTypes() == null)) {
            return Verdict.ALLOWED;
        }
        Set<String> named = serviceTypes.get();
        return allowing.stream().anyMatch(p -> p.coversServiceTypes(named)) ? Verdict.ALLOWED
                : Verdict.OUTSIDE_SERVICE_TYPES;
    }
}
