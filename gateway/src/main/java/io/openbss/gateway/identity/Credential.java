package io.openbss.gateway.identity;

import io.openbss.common.identity.CallerIdentity;
import java.util.Set;

/**
 * What a public request is authenticated by, and the account and user it belongs to: an access key with its
 * decrypted secret key (a signed request), a password (a token request) or a token ({@code tokenId}). Its
 * {@code toString} never shows a secret.
 */
public record Credential(String accessKey, String secretKey, boolean active, String domainId, String domainName,
        DomainKind kind, boolean domainEnabled, String userId, String userName, boolean rootUser,
        boolean userEnabled, String tokenId) {

    /** An account's user, authenticated by a password or a token rather than an access key. */
    public static Credential ofUser(String domainId, String domainName, DomainKind kind, boolean domainEnabled,
            String userId, String userName, boolean rootUser, boolean userEnabled, String tokenId) {
        return new Credential(null, null, true, domainId, domainName, kind, domainEnabled, userId, userName, rootUser,
                userEnabled, tokenId);
    }

    public boolean usable() {
        return active && domainEnabled && userEnabled;
    }

    /** The caller as services see it: the account, and the IAM user unless the account itself calls. */
    public CallerIdentity caller() {
        return caller(Set.of(), false);
    }

    /**
     * The caller, kept by its policy's condition to these cloud service types (empty: any), and served by the
     * upstream BSS when its account is linked to one.
     */
    public CallerIdentity caller(Set<String> serviceTypes, boolean upstream) {
        return new CallerIdentity(domainId, domainName, kind.callerKind(), rootUser ? null : userId,
                rootUser ? null : userName, serviceTypes, upstream);
    }

    @Override
    public String toString() {
        return "Credential[" + (accessKey != null ? accessKey : tokenId != null ? "token " + tokenId : "password")
                + " of " + domainName + "/" + userName + "]";
    }
}
