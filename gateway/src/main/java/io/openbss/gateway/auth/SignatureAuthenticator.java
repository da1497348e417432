package io.openbss.gateway.auth;

import io.openbss.common.signing.AuthorizationHeader;
import io.openbss.common.signing.SignableRequest;
import io.openbss.common.signing.SignatureException;
import io.openbss.common.signing.SignatureVerifier;
import io.openbss.gateway.Futures;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.identity.CredentialStore;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Authenticates an SDK-HMAC-SHA256 signed request (shared/api/signing.md): a known, active access key, a signature
 * that matches, a date within the allowed skew, and {@code X-Domain-Id} (when sent) naming the key's account.
 */
@Singleton
public class SignatureAuthenticator {

    private final CredentialStore credentials;
    private final AccessKeyLockout lockout;
    private final SignatureVerifier verifier;
    private final Clock clock;

    @Inject
    public SignatureAuthenticator(CredentialStore credentials, AccessKeyLockout lockout, GatewayConfig config,
            Clock clock) {
        this.credentials = credentials;
        this.lockout = lockout;
        this.verifier = new SignatureVerifier(config.signature().maxSkew());
        this.clock = clock;
    }

    /**
     * A call's {@code Authorization} header, parsed once for all the steps that read it; 401 APIG.0301 when there is
     * none ({@link ApigException#noCredentials}) or it is not a well-formed SDK-HMAC-SHA256 authorization
     * ({@link ApigException#badSignature}).
     */
    public static AuthorizationHeader authorization(String header) {
        if (header == null || header.isEmpty()) {
            throw ApigException.noCredentials();
        }
        try {
            return AuthorizationHeader.parse(header);
        } catch (SignatureException e) {
            throw ApigException.badSignature();
        }
    }

    /**
     * What the headers alone show, before the body (which the signature covers) has arrived: the access key the
     * {@code Authorization} header names, not locked, known and usable. Completes with that key's credential, or
     * fails with an {@link ApigException}; nothing is counted against the key.
     */
    public Future<Credential> identify(AuthorizationHeader authorization) {
        if (lockout.isLocked(authorization.accessKey(), clock.instant())) {
            return Future.failedFuture(ApigException.lockedAccessKey());
        }
        return Futures.onCaller(credentials.find(authorization.accessKey()))
                .map(found -> found.filter(Credential::usable).orElseThrow(ApigException::unknownAccessKey));
    }

    /**
     * The whole request's signature by the key {@link #identify} found, its date, and {@code X-Domain-Id} (when sent)
     * naming the key's account: the credential, or an {@link ApigException}.
     */
    public Credential verify(SignableRequest request, AuthorizationHeader authorization, Credential credential) {
        verify(request, authorization, credential, clock.instant());
        String domainId = request.header("X-Domain-Id");
        if (domainId != null && !domainId.equals(credential.domainId())) {
            throw ApigException.domainMismatch();
        }
        return credential;
    }

    private void verify(SignableRequest request, AuthorizationHeader authorization, Credential credential,
            Instant now) {
        try {
            verifier.verify(request, authorization, credential.secretKey(), now);
            lockout.succeeded(credential.accessKey());
        } catch (SignatureException e) {
            switch (e.reason()) {
                case DATE_INVALID, DATE_SKEWED -> throw ApigException.badDate(e.getMessage());
                default -> {
                    lockout.failed(credential.accessKey(), now);
                    throw ApigException.badSignature();
                }
            }
        }
    }
}
