package io.openbss.gateway.policies;

import io.openbss.common.operations.Operation;
import io.openbss.common.operations.RoleGrants;
import io.openbss.common.operations.ServiceTypeSource;
import io.openbss.gateway.Futures;
import io.openbss.gateway.identity.Credential;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Whether a caller's policies allow an operation: an account itself (its root user) may do everything; an IAM user
 * what one of its roles allows (default: nothing), within the cloud service types of the role's condition if it has
 * one. Under a condition, a call must name its service types where its operation takes them (all of them within one
 * allowing policy's), or, for an operation on orders and resources, is allowed with the condition's types passed to
 * the owning service, which checks the objects it touches; an operation that concerns no service type is refused.
 * The IAM slice's own operations (getting or revoking one's token, one's account's domain) need no policy
 * ({@link RoleGrants}, whose rule a console reads from a token's roles).
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

    /** A verdict, and for an allowed call the service types the service must keep it to (empty: any). */
    public record Decision(Verdict verdict, Set<String> serviceTypes) {

        static final Decision ALLOWED = new Decision(Verdict.ALLOWED, Set.of());
        static final Decision NOT_ALLOWED = new Decision(Verdict.NOT_ALLOWED, Set.of());
        static final Decision OUTSIDE = new Decision(Verdict.OUTSIDE_SERVICE_TYPES, Set.of());
    }

    @Inject
    PolicyStore policies;

    public Future<Decision> check(Credential caller, Operation operation, Supplier<Set<String>> serviceTypes) {
        if (caller.rootUser() || RoleGrants.needsNoRole(operation.action())) {
            return Future.succeededFuture(Decision.ALLOWED);
        }
        return Futures.onCaller(policies.ofUser(caller.userId()))
                .map(granted -> decide(granted, operation, serviceTypes));
    }

    static Decision decide(List<UserPolicy> granted, Operation operation, Supplier<Set<String>> serviceTypes) {
        List<UserPolicy> allowing = granted.stream().filter(p -> p.allows(operation.action())).toList();
        if (allowing.isEmpty()) {
            return Decision.NOT_ALLOWED;
        }
        if (allowing.stream().anyMatch(p -> p.cloudServiceTypes() == null)) {
            return Decision.ALLOWED;
        }
        if (operation.serviceTypes().kind() == ServiceTypeSource.Kind.TOUCHED) {
            Set<String> union = new TreeSet<>();
            allowing.forEach(p -> union.addAll(p.cloudServiceTypes()));
            return union.isEmpty() ? Decision.OUTSIDE : new Decision(Verdict.ALLOWED, union);
        }
        Set<String> named = serviceTypes.get();
        return allowing.stream().anyMatch(p -> p.coversServiceTypes(named)) ? Decision.ALLOWED : Decision.OUTSIDE;
    }
}
