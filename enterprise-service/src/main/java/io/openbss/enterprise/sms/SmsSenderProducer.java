package io.openbss.enterprise.sms;

import io.openbss.enterprise.EnterpriseConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

@ApplicationScoped
public class SmsSenderProducer {

    @Produces
    @ApplicationScoped
    SmsSender sender(EnterpriseConfig config, Clock clock) {
        EnterpriseConfig.Sms sms = config.sms();
        return switch (sms.sender()) {
            case "file" -> new OutboxSmsSender(Path.of(sms.outbox().orElse("sms-outbox.log")), clock);
            case "webhook" -> new WebhookSmsSender(URI.create(sms.webhookUrl().orElseThrow(
                    () -> new IllegalStateException("bss.enterprise.sms.webhook-url is required"))));
            default -> throw new IllegalStateException("bss.enterprise.sms.sender must be file or webhook");
        };
    }
}
