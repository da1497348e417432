package io.openbss.gateway.upstream;

import java.net.URI;
import java.time.Instant;

/**
 * A local account (domain) linked to an account of an upstream BSS: the endpoint, the credential its calls are
 * signed with there, and that account's domain id. Its {@code toString} never shows the secret key.
 */
public record UpstreamLink(String domainId, URI endpoint, String accessKey, String secretKey,
        String upstreamDomainId, Instant createdAt, Instant updatedAt) {

    /** What the quotas of the upstream count by: the upstream account, wherever it is. */
    String upstreamAccount() {
        return endpoint.getHost() + '/' + upstreamDomainId;
    }

    @Override
    public String toString() {
        return "UpstreamLink[" + domainId + " -> " + upstreamDomainId + " at " + endpoint + " with " + accessKey + "]";
    }
}
