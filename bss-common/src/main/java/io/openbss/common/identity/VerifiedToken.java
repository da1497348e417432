package io.openbss.common.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What {@link VerifiedTokens} keeps of a verified token: its name and its claims, each as the verifier answered it,
 * and nothing else. The verifier's principal also holds the token's text, its JSON and a parsed copy of every claim
 * (about 3 KB a token); with thousands of callers those copies were most of billing-service's live heap. The raw token
 * is not kept ({@link #getRawToken()} is null): the request's credential still carries it, and nothing reads it here.
 */
record VerifiedToken(String name, Map<String, Object> claims) implements JsonWebToken {

    static VerifiedToken of(JsonWebToken verified) {
        Map<String, Object> claims = new HashMap<>();
        for (String claim : verified.getClaimNames()) {
            Object value = verified.getClaim(claim);
            if (value != null && !claim.equals(Claims.raw_token.name())) {
                claims.put(claim.intern(), value);
            }
        }
        return new VerifiedToken(verified.getName(), Map.copyOf(claims));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }
}
