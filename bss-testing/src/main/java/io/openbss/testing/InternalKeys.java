package io.openbss.testing;

import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.identity.CallerKind;
import io.openbss.common.identity.InternalToken;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A key pair made for this test run: services verify internal tokens with its public key, and tests sign tokens
 * as the gateway would.
 */
public class InternalKeys implements QuarkusTestResourceLifecycleManager {

    private static final KeyPair KEYS = generate();

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey", publicKeyPem());
    }

    @Override
    public void stop() {
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** {@code Bearer <token>} for a customer of the given kind calling {@code audience}. */
    public static String bearer(String audience, String customerId, CallerKind kind) {
        return bearer(audience, new CallerIdentity(customerId, "name-" + customerId, kind, null, null, Set.of(), false));
    }

    public static String bearer(String audience, CallerIdentity caller) {
        return "Bearer " + InternalToken.issue(caller, audience, Duration.ofMinutes(5), KEYS.getPrivate(),
                Instant.now());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
