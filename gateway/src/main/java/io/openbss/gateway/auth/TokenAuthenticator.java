package io.openbss.gateway.auth;

import io.openbss.gateway.Futures;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.tokens.TokenStore;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Authenticates an {@code X-Auth-Token}: issued here, not revoked, not expired (401 APIG.0308, seed 001), and its
 * user and account still enabled.
 */
@Singleton
public class TokenAuthenticator {

    @Inject
    TokenStore tokens;

    @Inject
    Clock clock;

    /** Completes with the token holder's credential, or fails with an {@link ApigException}. */
    public Future<Credential> authenticate(String token) {
        if (token.length() > 1024) {
            return Future.failedFuture(ApigException.unknownToken());
        }
        return Futures.onCaller(tokens.find(token)).map(found -> {
            TokenStore.StoredToken stored = found.orElseThrow(ApigException::unknownToken);
            if (stored.revoked()) {
                throw ApigException.revokedToken();
            }
            if (!clock.instant().isBefore(stored.expiresAt())) {
                throw ApigException.expiredToken();
            }
            if (!stored.holder().usable()) {
                throw ApigException.unknownToken();
            }
            return stored.holder();
        });
    }
}
