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
 * the internal token key pair, the key that encrypts secret keys at rest, the admin API token, and the password of
 * the embedded PostgreSQL's superuser.
 */
public record Secrets(Path privateKey, Path publicKey, String skEncryptionKey, String adminToken,
        Path databasePasswordFile) {

    /** The file holding the embedded PostgreSQL's password, relative to {@code $BSS_HOME}. */
    public static final String DATABASE_PASSWORD_FILE = "secrets/postgres.password";

    public static Secrets loadOrCreate(Path home) {
        Path dir = home.resolve("secrets");
        Path privateKey = dir.resolve("internal-token-private.pem");
        Path publicKey = dir.resolve("internal-token-public.pem");
        Path skKey = dir.resolve("sk-encryption.key");
        Path admin = dir.resolve("admin.token");
        Path databasePassword = home.resolve(DATABASE_PASSWORD_FILE);
        try {
            PrivateFiles.directory(dir);
            for (Path existing : List.of(privateKey, publicKey, skKey, admin, databasePassword)) {
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
            if (!Files.exists(databasePassword)) {
                // URL-safe characters only: it goes into JDBC URLs, initdb's password file and an SQL literal.
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
                PrivateFiles.write(databasePassword, password);
            }
            return new Secrets(privateKey, publicKey, Files.readString(skKey).strip(), Files.readString(admin).strip(),
                    databasePassword);
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
