package io.openbss.gateway.pipeline;

import io.openbss.gateway.auth.PasswordAuthenticator;
import io.openbss.gateway.auth.SignatureAuthenticator;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.tokens.TokenRequest;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Authenticate, once the body is read: a password login by its user name and password (whatever signature it
 * carries), else a signed call by its AK/SK signature, with the key {@link Identification} found (a signed token
 * request's key is looked up here: Identification leaves token requests to their body). A call with an
 * {@code X-Auth-Token} and no signature was authenticated by Identification; one that carries neither is refused with
 * 401 APIG.0301.
 */
@Singleton
class Authentication {

    @Inject
    PasswordAuthenticator passwords;

    @Inject
    SignatureAuthenticator signatures;

    @Inject
    Identification identification;

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
        if (authorization == null || authorization.isEmpty()) {
            return call.identified == null ? Future.failedFuture(ApigException.noCredentials())
                    : Future.succeededFuture(call.identified);
        }
        Future<Credential> key = call.identified != null ? Future.succeededFuture(call.identified)
                : identification.keyOf(call, authorization);
        VertxSignableRequest signed = new VertxSignableRequest(call.request, call.body);
        return key.map(credential -> signatures.verify(signed, call.authorization, credential));
    }
}
