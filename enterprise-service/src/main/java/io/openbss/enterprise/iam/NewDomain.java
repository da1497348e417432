package io.openbss.enterprise.iam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The account of a new enterprise sub-account. Replaying the same {@code idempotency_key} returns the account made
 * the first time, even without the password (which is never stored here).
 */
public record NewDomain(@JsonProperty("idempotency_key") String idempotencyKey, @JsonProperty("name") String name,
        @JsonProperty("kind") String kind, @JsonProperty("mobile_phone") String mobilePhone,
        @JsonProperty("use_master_mobile_phone") boolean useMasterMobilePhone,
        @JsonProperty("master_domain_id") String masterDomainId, @JsonProperty("password") String password) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(@JsonProperty("domain_id") String domainId, @JsonProperty("name") String name) {
    }
}
