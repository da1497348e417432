package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * deploy/new-environment.sh turns an overlay into one that can run: every placeholder Secret replaced by generated
 * values in the formats the services read, and nothing else changed. Needs bash, openssl and kubectl; skipped
 * without them.
 */
class NewEnvironmentTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void replacesEveryPlaceholderSecretAndNothingElse(String overlay, @TempDir Path home) throws Exception {
        Optional<Path> kubectl = Tools.onPath("kubectl");
        Tools.skipUnless(kubectl.isPresent() && Tools.onPath("openssl").isPresent()
                && Tools.onPath("bash").isPresent(), "new-environment.sh (" + overlay
                + ") not run: it needs bash, openssl and kubectl on the PATH");
        Path environment = home.resolve("env");
        Tools.run(List.of("bash", DeployDir.root().resolve("new-environment.sh").toString(), overlay,
                environment.toString()), Duration.ofMinutes(1));
        String rendered = Tools.run(List.of(kubectl.get().toString(), "kustomize", environment.toString()),
                Duration.ofMinutes(2));

        Manifests placeholders = Manifests.rendered(overlay);
        List<HasMetadata> real = Manifests.parse(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)));
        Map<String, Secret> secrets = new TreeMap<>();
        real.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .forEach(s -> secrets.put(s.getMetadata().getName(), s));

        for (Secret placeholder : placeholders.all(Secret.class)) {
            String name = placeholder.getMetadata().getName();
            assertThat(secrets).as("%s: Secret %s", overlay, name).containsKey(name);
            Secret secret = secrets.get(name);
            assertThat(secret.getType()).as("type of %s", name).isEqualTo(placeholder.getType());
            Map<String, String> values = SecretsTest.values(secret);
            assertThat(values.keySet()).as("keys of %s", name)
                    .containsExactlyInAnyOrderElementsOf(SecretsTest.values(placeholder).keySet());
            values.forEach((key, value) -> assertThat(value).as("%s/%s", name, key).isNotBlank()
                    .doesNotContain(SecretsTest.PLACEHOLDER)
                    .satisfies(v -> {
                        if (!key.endsWith(".pem")) {
                            assertThat(v).as("%s/%s has no trailing newline", name, key).doesNotEndWith("\n");
                        }
                    }));
            assertThat(secret.getMetadata().getLabels()).as("labels of %s", name)
                    .containsAllEntriesOf(placeholder.getMetadata().getLabels());
        }
        assertThat(secrets.keySet()).as("%s: Secrets of the private overlay", overlay)
                .containsExactlyInAnyOrderElementsOf(placeholders.all(Secret.class).stream()
                        .map(s -> s.getMetadata().getName()).toList());

        checkKeyFormats(secrets);

        // Everything but the Secrets is exactly the committed rendering.
        Map<String, JsonNode> expected = RenderedUpToDateTest.byIdentity(Files.readString(DeployDir.rendered(overlay)));
        Map<String, JsonNode> actual = RenderedUpToDateTest.byIdentity(rendered);
        expected.keySet().removeIf(k -> k.startsWith("v1/Secret/"));
        actual.keySet().removeIf(k -> k.startsWith("v1/Secret/"));
        assertThat(RenderedUpToDateTest.differences(actual, expected))
                .as("%s: what the private overlay changes besides Secrets", overlay).isEmpty();
    }

    /** What the services parse: a PKCS#8 RSA private key and its X.509 public key, a 32-byte AES key in base64. */
    private static void checkKeyFormats(Map<String, Secret> secrets) throws Exception {
        String privatePem = SecretsTest.values(secrets.get("openbss-internal-token-private")).get("private.pem");
        String publicPem = SecretsTest.values(secrets.get("openbss-internal-token-public")).get("public.pem");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(pem(privatePem, "PRIVATE KEY")));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new X509EncodedKeySpec(pem(publicPem, "PUBLIC KEY")));
        assertThat(privateKey.getModulus().bitLength()).as("RSA key size").isGreaterThanOrEqualTo(2048);
        assertThat(publicKey.getModulus()).as("the public key is the private key's").isEqualTo(privateKey.getModulus());
        assertThat(publicKey.getPublicExponent()).isEqualTo(privateKey.getPublicExponent());

        String skKey = SecretsTest.values(secrets.get("openbss-gateway-keys")).get("sk-encryption-key");
        assertThat(Base64.getDecoder().decode(skKey)).as("SK encryption key").hasSize(32);
        assertThat(new BigInteger(1, Base64.getDecoder().decode(skKey))).isNotEqualTo(BigInteger.ZERO);
    }

    private static byte[] pem(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        assertThat(pem).as("PEM of type %s", type).contains(begin).contains(end);
        String body = pem.substring(pem.indexOf(begin) + begin.length(), pem.indexOf(end));
        return Base64.getMimeDecoder().decode(body);
    }
}
