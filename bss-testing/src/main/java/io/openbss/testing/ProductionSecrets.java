package io.openbss.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secrets a service's prod profile reads from its environment (deploy/ and ./bss up provide them), for a
 * {@code @QuarkusIntegrationTest} that runs the packaged service in that profile: the {@link InternalKeys} pair as
 * PEM files, an SK encryption key and an admin token. Quarkus passes them to the launched application as system
 * properties, which resolve the prod profile's {@code ${BSS_...}} expressions as the environment variables would.
 */
public class ProductionSecrets implements QuarkusTestResourceLifecycleManager {

    private static final String ADMIN_TOKEN = "integration-test-admin-token-0123456789";

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createDirectories(Path.of("target/prod-secrets")).toAbsolutePath();
            Path privateKey = Files.writeString(dir.resolve("internal-token.pem"), InternalKeys.privateKeyPem());
            Path publicKey = Files.writeString(dir.resolve("internal-token.pub.pem"), InternalKeys.publicKeyPem());
            byte[] skKey = new byte[32];
            new SecureRandom().nextBytes(skKey);
            return Map.of(
                    "BSS_INTERNAL_TOKEN_PRIVATE_KEY_LOCATION", privateKey.toString(),
                    "BSS_INTERNAL_TOKEN_PUBLIC_KEY_LOCATION", publicKey.toString(),
                    "BSS_SK_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(skKey),
                    "BSS_ADMIN_TOKEN", ADMIN_TOKEN,
                    "BSS_LOG_JSON", "false");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the test secrets", e);
        }
    }

    @Override
    public void stop() {
    }
}
