package io.openbss.enterprise.sms;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Production's sender: POSTs {@code {"mobile_phone","text"}} to an SMS gateway (or an adapter in front of one);
 * anything but 2xx is a failed delivery.
 */
public class WebhookSmsSender implements SmsSender {

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookSmsSender(URI url) {
        this.url = url;
    }

    @Override
    public Uni<Void> send(String mobilePhone, String text) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("mobile_phone", mobilePhone)
                        .put("text", text).encode())).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .invoke(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException("the SMS gateway answered " + response.statusCode());
                    }
                }).replaceWithVoid();
    }
}
