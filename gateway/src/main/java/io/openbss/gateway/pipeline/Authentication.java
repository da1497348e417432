package io.openbss.gateway.pipeline;

import io.openbss.gateway.auth.PasswordAuthenticator;
import io.openbss.gateway.auth.SignatureAuthenticator;
import io.openbss.gateway.auth.TokenAuthenticator;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.tokens.TokenRequest;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Authenticate: a password login by its user name and password (whatever signature it carries), else a call by its
 * AK/SK signature, else by its {@code X-Auth-Token}; a call that carries both a signature and a token is
 * authenticated by its signature alone, and one that carries neither is refused with 401 APIG.0301.
 */
@Singleton
class Authentication {

    @Inject
    PasswordAuthenticator passwords;

    @Inject
    SignatureAuthenticator signatures;

    @Inject
    TokenAuthenticator tokens;

    Future<PublicCall> authenticate(PublicCall call) {
        return credentialOf(call).map(credential -> {
            call.authenticated(credential);
            return call;
        });
    }

    private Future<Credential> credentialOf(PublicCall call) {
        if (call.passwordLogin) {
            return passwords.authenticate(TokenRequest.parse(call.body, false));
        }
        String authorization = call.header("Authorization");
        if (authorization != null && !authorization.isEmpty()) {
            return signatures.authenticate(new VertxSignableRequest(call.request, call.body));
        }
        String token = call.header("X-Auth-Token");
        if (token != null && !token.isEmpty()) {
            return tokens.authenticate(token);
        }
        return Future.failedFuture(ApigException.noCredentials());
    }
}
