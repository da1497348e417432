package io.openbss.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The local platform's key material, made once under {@code $BSS_HOME/secrets} (a 700 directory of 600 files):
 * the internal token key pair, the key that encrypts secret keys at rest, and the admin API token.
 */
public record Secrets(Path privateKey, Path publicKey, String skEncryptionKey, String adminToken) {

    public static Secrets loadOrCreate(Path home) {
        Path dir = home.resolve("secrets");
        Path privateKey = dir.resolve("internal-token-private.pem");
        Path publicKey = dir.resolve("internal-token-public.pem");
        Path skKey = dir.resolve("sk-encryption.key");
        Path admin = dir.resolve("admin.token");
        try {
            PrivateFiles.directory(dir);
            for (Path existing : List.of(privateKey, publicKey, skKey, admin)) {
                PrivateFiles.restrict(existing);
            }
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair keys = generator.generateKeyPair();
                PrivateFiles.write(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
                PrivateFiles.write(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            }
            if (!Files.exists(skKey)) {
                PrivateFiles.write(skKey, Base64.getEncoder().encodeToString(random(32)));
            }
            if (!Files.exists(admin)) {
                PrivateFiles.write(admin, Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)));
            }
            return new Secrets(privateKey, publicKey, Files.readString(skKey).strip(), Files.readString(admin).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
