package io.openbss.gateway.identity;

import io.openbss.common.identity.CallerIdentity;
import java.util.Set;

/**
 * An access key with its decrypted secret key and the account and user it belongs to: what authenticating a
 * signed request needs. Its {@code toString} never shows the secret.
 */
public record Credential(String accessKey, String secretKey, boolean active, String domainId, String domainName,
        DomainKind kind, boolean domainEnabled, String userId, String userName, boolean rootUser,
        boolean userEnabled) {

    public boolean usable() {
        return active && domainEnabled && userEnabled;
    }

    /** The caller as services see it: the account, and the IAM user unless the account itself calls. */
    public CallerIdentity caller() {
        return new CallerIdentity(domainId, domainName, kind.callerKind(), rootUser ? null : userId,
                rootUser ? null : userName, Set.of());
    }

    @Override
    public String toString() {
        return "Credential[" + accessKey + " of " + domainName + "/" + userName + "]";
    }
}
