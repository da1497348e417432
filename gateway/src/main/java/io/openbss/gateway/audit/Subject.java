package io.openbss.gateway.audit;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.gateway.identity.Credential;

/**
 * The account, user and credential a record is about: the caller of a public call, or the target of an admin
 * change. Never a secret: the access key's id only.
 */
public record Subject(String domainId, String domainName, String userId, String userName, String accessKey,
        String tokenId) {

    /** An admin change that concerns no account (e.g. a reported contact). */
    public static final Subject NONE = new Subject(null, null, null, null, null, null);

    /** The caller behind an access key or a token as services see it: the account, and the IAM user unless the account called. */
    public static Subject of(Credential credential) {
        CallerIdentity caller = credential.caller();
        return new Subject(caller.customerId(), caller.customerName(), caller.userId(), caller.userName(),
                credential.accessKey(), credential.tokenId());
    }
}
