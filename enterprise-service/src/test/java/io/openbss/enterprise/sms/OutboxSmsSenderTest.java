package io.openbss.enterprise.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSmsSenderTest {

    @TempDir
    Path dir;

    final Clock clock = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void theOutboxItCreatesIsReadableByItsOwnerOnlyAndKeepsEveryMessage() throws IOException {
        Path outbox = dir.resolve("sms-outbox.log");
        OutboxSmsSender sender = new OutboxSmsSender(outbox, clock);

        sender.send("+86-13800000001", "Your code is 123456").await().indefinitely();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox))).isEqualTo("rw-------");

        sender.send("+86-13800000002", "Your code is\n654321").await().indefinitely();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(outbox)).containsExactly(
                "2025-03-10T12:00:00Z\t+86-13800000001\tYour code is 123456",
                "2025-03-10T12:00:00Z\t+86-13800000002\tYour code is 654321");
    }
}
