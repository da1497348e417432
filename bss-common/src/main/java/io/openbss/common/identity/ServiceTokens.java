package io.openbss.common.identity;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The internal tokens a service signs to call another service (or the gateway's internal API) as itself. A token is
 * reused for most of its lifespan, so that RSA signing stays off the request path.
 */
public final class ServiceTokens {

    private record Token(String bearer, Instant renewAt) {
    }

    private final CallerIdentity service;
    private final PrivateKey key;
    private final Duration lifespan;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public ServiceTokens(String serviceName, PrivateKey key, Duration lifespan, Clock clock) {
        this.service = CallerIdentity.service(serviceName);
        this.key = key;
        this.lifespan = lifespan;
        this.clock = clock;
    }

    /**
     * The tokens of {@code serviceName}, signed with the key its configuration names ({@code property}); their
     * lifetimes run on real time, as their verifiers' do, never on a shifted business clock.
     */
    public static ServiceTokens of(String serviceName, InternalKeyConfig key, String property) {
        return new ServiceTokens(serviceName, privateKey(key.privateKey(), key.privateKeyLocation(), property),
                key.lifespan(), Clock.systemUTC());
    }

    /** Reads the PEM private key given inline, or else from the file at {@code location}. */
    public static PrivateKey privateKey(Optional<String> pem, Optional<String> location, String property) {
        try {
            String text = pem.isPresent() ? pem.get()
                    : Files.readString(Path.of(location.orElseThrow(() -> new IllegalStateException(
                            property + " is required"))));
            return KeyUtils.decodePrivateKey(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the internal token private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the internal token private key is not a PEM RSA private key", e);
        }
    }

    /** {@code Bearer <token>} naming this service, for the service (audience) it calls. */
    public String bearer(String audience) {
        Instant now = clock.instant();
        Token token = tokens.get(audience);
        if (token == null || !now.isBefore(token.renewAt())) {
            token = new Token("Bearer " + InternalToken.issue(service, audience, lifespan, key, now),
                    now.plus(lifespan.multipliedBy(4).dividedBy(5)));
            tokens.put(audience, token);
        }
        return token.bearer();
    }
}
