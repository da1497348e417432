package io.openbss.enterprise.sms;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;

/**
 * The local run's sender: each message is a line of the outbox file, where a developer (or a test) reads it. The
 * lines are live verification codes, so a file this sender creates is readable by its owner only (600 from the
 * moment it exists).
 */
public class OutboxSmsSender implements SmsSender {

    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);

    private final Path outbox;
    private final Clock clock;

    public OutboxSmsSender(Path outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Uni<Void> send(String mobilePhone, String text) {
        String line = clock.instant() + "\t" + mobilePhone + "\t" + text.replace('\n', ' ') + "\n";
        return Uni.createFrom().<Void>item(() -> {
            try (FileChannel file = FileChannel.open(outbox, APPEND, ownerOnly())) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    file.write(bytes);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the SMS outbox " + outbox, e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private FileAttribute<?>[] ownerOnly() {
        return outbox.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------"))}
                : new FileAttribute<?>[0];
    }
}
