package io.openbss.gateway.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.testing.EmbeddedRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas' subscriptions to one channel on a real Redis, through an outage. */
class RedisChannelTest {

    private EmbeddedRedis server;
    private Vertx vertx;

    @BeforeEach
    void start() {
        server = new EmbeddedRedis();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void whatOneReplicaPublishesEveryReplicaHearsAlsoAfterRedisComesBack() throws Exception {
        BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
        CountDownLatch resubscribed = new CountDownLatch(1);
        RedisChannel a = new RedisChannel(vertx, Redis.createClient(vertx, server.url()), "changes", m -> { },
                () -> { });
        RedisChannel b = new RedisChannel(vertx, Redis.createClient(vertx, server.url()), "changes", heardByB::add,
                resubscribed::countDown);
        a.subscribe().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        b.subscribe().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        a.publish("credential AK1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(heardByB.poll(10, TimeUnit.SECONDS)).isEqualTo("credential AK1");

        server.stop();
        server.start();
        assertThat(resubscribed.await(20, TimeUnit.SECONDS)).as("B subscribed again after the restart").isTrue();
        String published = null;
        for (int attempt = 0; attempt < 50 && published == null; attempt++) {
            published = a.publish("token abc").map(v -> "sent").otherwise((String) null)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertThat(published).as("A publishes again once Redis is back").isEqualTo("sent");
        assertThat(heardByB.poll(10, TimeUnit.SECONDS)).isEqualTo("token abc");
        a.close();
        b.close();
    }
}
