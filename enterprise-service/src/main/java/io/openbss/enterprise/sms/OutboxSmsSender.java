package io.openbss.enterprise.sms;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/** The local run's sender: each message is a line of the outbox file, where a developer (or a test) reads it. */
public class OutboxSmsSender implements SmsSender {

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
            try {
                Files.writeString(outbox, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the SMS outbox " + outbox, e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
