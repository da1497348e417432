package io.openbss.gateway.tokens;

import io.openbss.gateway.identity.Credential;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /v3/auth/domains} as IAM answers it: the accounts the caller may ask a token for, which here is its own
 * account alone.
 */
public final class KeystoneDomains {

    private KeystoneDomains() {
    }

    public static JsonObject of(Credential caller) {
        JsonObject domain = new JsonObject().put("enabled", true).put("id", caller.domainId())
                .put("name", caller.domainName()).put("description", "");
        return new JsonObject().put("domains", new JsonArray().add(domain));
    }
}
