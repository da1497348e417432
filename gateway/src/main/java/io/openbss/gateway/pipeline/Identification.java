package io.openbss.gateway.pipeline;

import io.openbss.gateway.auth.SignatureAuthenticator;
import io.openbss.gateway.auth.TokenAuthenticator;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.tokens.KeystoneTokens;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Identify: what a call's headers alone show of its caller, found while its body is read, so that no body is held for
 * a caller who is not known. A signed call must name an access key that is known, usable and not locked (its
 * signature, which covers the body, is checked once the body is read); a call with an {@code X-Auth-Token} is
 * authenticated by it in full; a call with neither is refused with 401 APIG.0301. A token request is left to
 * {@link Authentication}: its body may name a password, which then authenticates it whatever else it carries.
 */
@Singleton
class Identification {

    @Inject
    SignatureAuthenticator signatures;

    @Inject
    TokenAuthenticator tokens;

    /** Completes with the call, its {@link PublicCall#identified} set unless it is a token request. */
    Future<PublicCall> identify(PublicCall call) {
        if (call.operation().name().equals(KeystoneTokens.CREATE_TOKEN)) {
            return Future.succeededFuture(call);
        }
        return callerOf(call).map(credential -> {
            call.identified = credential;
            return call;
        });
    }

    private Future<Credential> callerOf(PublicCall call) {
        String authorization = call.header("Authorization");
        if (authorization != null && !authorization.isEmpty()) {
            return keyOf(call, authorization);
        }
        String token = call.header("X-Auth-Token");
        if (token != null && !token.isEmpty()) {
            return tokens.authenticate(token);
        }
        return Future.failedFuture(ApigException.noCredentials());
    }

    /**
     * The key a signed call's {@code Authorization} header names, that header parsed once into
     * {@link PublicCall#authorization} for every later step (a signed token request's too, by {@link Authentication}).
     */
    Future<Credential> keyOf(PublicCall call, String authorization) {
        try {
            call.authorization = SignatureAuthenticator.authorization(authorization);
        } catch (ApigException e) {
            return Future.failedFuture(e);
        }
        return signatures.identify(call.authorization);
    }
}
