package io.openbss.common.identity;

import io.openbss.common.error.BssException;
import java.util.Set;

/**
 * Who is calling, as the gateway established it and carried it in the internal token. For customers,
 * {@code customerId} is the account's domain id (Huawei's customer id); for internal callers it is the name of the
 * calling service or operator.
 *
 * @param userId IAM user id, or null when the account itself (or an internal caller) calls
 * @param serviceTypes the {@code billing:cloudServiceType} condition of the user's policy; empty: no restriction
 * @param upstream the account is linked to an upstream BSS, which serves its calls (docs/upstream-mode.md)
 */
public record CallerIdentity(String customerId, String customerName, CallerKind kind, String userId,
        String userName, Set<String> serviceTypes, boolean upstream) {

    /** The refusal of an enterprise-master operation to any other caller, at the gateway and in the services. */
    public static final String MASTER_ONLY = "Access denied: only an enterprise master account may call this API";

    public CallerIdentity {
        serviceTypes = serviceTypes == null ? Set.of() : Set.copyOf(serviceTypes);
    }

    public static CallerIdentity service(String name) {
        return new CallerIdentity(name, name, CallerKind.SERVICE, null, null, Set.of(), false);
    }

    public static CallerIdentity operator(String name) {
        return new CallerIdentity(name, name, CallerKind.OPERATOR, null, null, Set.of(), false);
    }

    /** Enterprise-master operations refuse every other kind of account with 403 CBC.0151. */
    public void requireEnterpriseMaster() {
        if (!isEnterpriseMaster()) {
            throw BssException.accessDenied(MASTER_ONLY);
        }
    }

    public boolean isEnterpriseMaster() {
        return kind == CallerKind.ENTERPRISE_MASTER;
    }
}
