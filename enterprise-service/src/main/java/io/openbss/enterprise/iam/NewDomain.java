package io.openbss.enterprise.iam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The account of a new enterprise sub-account. Replaying the same {@code idempotency_key} returns the account made
 * the first time, even without the password (which is never stored here).
 */
public record NewDomain(String idempotencyKey, String name,
        String kind, String mobilePhone,
        boolean useMasterMobilePhone,
        String masterDomainId, String password) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(String domainId, String name) {
    }
}
