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
 * Authenticate, once the body is read: a password login by its user name and password (whatever signature it
 * carries), else a call by its AK/SK signature, else by its {@code X-Auth-Token}; a call that carries both a signature
 * and a token is authenticated by its signature alone, and one that carries neither is refused with 401 APIG.0301.
 * What {@link Identification} found from the headers is not looked up again.
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
            VertxSignableRequest signed = new VertxSignableRequest(call.request, call.body);
            return call.identified == null ? signatures.authenticate(signed)
                    : Future.succeededFuture(call.identified).map(key -> signatures.verify(signed, key));
        }
        String token = call.header("X-Auth-Token");
        if (token != null && !token.isEmpty()) {
            return call.identified == null ? tokens.authenticate(token) : Future.succeededFuture(call.identified);
        }
        return Future.failedFuture(ApigException.noCredentials());
    }
}
