package io.openbss.gateway.auth;

import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.tokens.TokenStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
    public CompletionStage<Credential> authenticate(String token) {
        if (token.length() > 1024) {
            return CompletableFuture.failedFuture(ApigException.unknownToken());
        }
        return tokens.find(token).thenApply(found -> {
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
