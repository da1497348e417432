package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./bss up writes under $BSS_HOME holding secrets or codes is readable by its owner only. */
class PrivateFilesTest {

    @TempDir
    Path root;

    @Test
    void secretsDemoCredentialsAndTheSmsOutboxAreMadeOwnerOnly() throws IOException {
        LocalSettings settings = settings(root.resolve("home"));
        Platform platform = new Platform(settings);
        DemoCredentials demo = DemoCredentials.empty();
        demo.put("BSS_SK", "secret");
        demo.write(settings.demoEnvFile());

        assertThat(mode(settings.home())).isEqualTo("rwx------");
        assertThat(mode(settings.home().resolve("secrets"))).isEqualTo("rwx------");
        assertThat(secretFiles(settings)).extracting(Path::getFileName).extracting(Path::toString)
                .contains("postgres.password", "admin.token", "sk-encryption.key", "internal-token-private.pem");
        for (Path file : ownerOnlyFiles(settings, platform)) {
            assertThat(mode(file)).as("%s", file).isEqualTo("rw-------");
        }
        assertThat(platform.secrets().databasePasswordFile())
                .isEqualTo(settings.home().resolve(Secrets.DATABASE_PASSWORD_FILE));
        assertThat(Files.readString(settings.demoEnvFile())).contains("export BSS_SK=secret");
    }

    @Test
    void filesAnOlderVersionLeftReadableByAllAreTightenedOnStart() throws IOException {
        Path home = root.resolve("home");
        Files.createDirectories(home.resolve("secrets"));
        Files.writeString(home.resolve("secrets/admin.token"), "old-admin-token");
        Files.writeString(home.resolve("demo.env"), "export BSS_SK=old\n");
        Files.writeString(home.resolve("sms-outbox.log"), "2025-01-01T00:00:00Z\t+86-138\tcode 123456\n");
        try (Stream<Path> all = Files.walk(home)) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }

        LocalSettings settings = settings(home);
        Platform platform = new Platform(settings);

        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("secrets"))).isEqualTo("rwx------");
        for (Path file : ownerOnlyFiles(settings, platform)) {
            assertThat(mode(file)).as("%s", file).isEqualTo("rw-------");
        }
        assertThat(platform.secrets().adminToken()).isEqualTo("old-admin-token");
        assertThat(Files.readString(home.resolve("sms-outbox.log"))).contains("code 123456");
        DemoCredentials.read(settings.demoEnvFile()).write(settings.demoEnvFile());
        assertThat(mode(settings.demoEnvFile())).isEqualTo("rw-------");
    }

    private static List<Path> ownerOnlyFiles(LocalSettings settings, Platform platform) throws IOException {
        List<Path> files = new ArrayList<>(secretFiles(settings));
        files.add(platform.smsOutbox());
        files.add(settings.demoEnvFile());
        assertThat(files).allMatch(Files::exists);
        return files;
    }

    private static List<Path> secretFiles(LocalSettings settings) throws IOException {
        try (Stream<Path> files = Files.list(settings.home().resolve("secrets"))) {
            return files.toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private LocalSettings settings(Path home) {
        return new LocalSettings(root, home, 1, 2, 3, 4, 5, 6, 7, Optional.empty(), true, "java");
    }
}
