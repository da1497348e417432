package io.openbss.common.identity;

import io.openbss.common.hash.Sha256;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Internal tokens verified once per service: the gateway and the services hand a caller the same token for most of
 * its lifetime, so its RS256 signature (a tenth of a service's CPU when checked on every request) is checked the first
 * time, and after that the exact same token is recognised until it expires. A token that differs in any character is
 * verified in full; nothing outlives its token's expiry. A token is known by its SHA-256 and kept as its claims alone
 * ({@link VerifiedToken}), about a quarter of what the verifier's answer holds. When more tokens are live than it
 * keeps, the expired ones go first, then an eighth of the rest, chosen by their digests (at random): emptying it whole
 * verified most tokens again (bench/README.md, fifth session: 10,000 callers over 8,192 places, about half the bill
 * queries checked an RS256 signature).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** More distinct live tokens than this (callers times services) only costs verifying some of them again. */
    static final int CAPACITY = 8192;

    private final int capacity;

    /** By the token's SHA-256 (64 hex characters in place of its 700-odd). */
    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();
    private final JWTParser verifier;
    private final LongSupplier clockMillis;

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, System::currentTimeMillis, CAPACITY);
    }

    VerifiedTokens(JWTParser verifier, LongSupplier clockMillis, int capacity) {
        this.verifier = verifier;
        this.clockMillis = clockMillis;
        this.capacity = capacity;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        String digest = Sha256.hex(token);
        JsonWebToken known = verified.get(digest);
        if (known != null) {
            if (clockMillis.getAsLong() < known.getExpirationTime() * 1000) {
                return known;
            }
            verified.remove(digest);
        }
        JsonWebToken parsed = VerifiedToken.of(verifier.parse(token));
        if (verified.size() >= capacity) {
            makeRoom();
        }
        verified.put(digest, parsed);
        return parsed;
    }

    /** How many tokens are kept now: about the capacity at most. */
    int size() {
        return verified.size();
    }

    private void makeRoom() {
        long now = clockMillis.getAsLong();
        verified.values().removeIf(token -> now >= token.getExpirationTime() * 1000);
        Iterator<String> digests = verified.keySet().iterator();
        while (verified.size() > capacity - capacity / 8 && digests.hasNext()) {
            digests.next();
            digests.remove();
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
