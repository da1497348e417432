package io.openbss.gateway.replicas;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One Redis pub/sub channel: messages published by any replica reach every subscribed one. The subscription holds a
 * connection of its own; when it is lost (Redis restarted or unreachable) it is made again every second, and
 * {@code onResubscribed} runs once it is back, since messages published meanwhile are lost.
 */
public final class RedisChannel {

    private static final Logger LOG = Logger.getLogger(RedisChannel.class);
    private static final long RETRY_MS = 1_000;

    private final Vertx vertx;
    private final Redis redis;
    private final String channel;
    private final Consumer<String> onMessage;
    private final Runnable onResubscribed;
    private volatile boolean closed;
    private volatile RedisConnection connection;
    private volatile boolean reported;

    public RedisChannel(Vertx vertx, Redis redis, String channel, Consumer<String> onMessage,
            Runnable onResubscribed) {
        this.vertx = vertx;
        this.redis = redis;
        this.channel = channel;
        this.onMessage = onMessage;
        this.onResubscribed = onResubscribed;
    }

    /** Subscribes; completes once subscribed, fails (and keeps retrying) when Redis cannot be reached now. */
    public Future<Void> subscribe() {
        return subscribe(false);
    }

    private Future<Void> subscribe(boolean again) {
        return redis.connect().compose(connected -> {
            connected.handler(this::received);
            connected.exceptionHandler(failure -> lost(connected, failure.toString()));
            connected.endHandler(v -> lost(connected, "connection closed"));
            return connected.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).map(subscribed -> {
                connection = connected;
                reported = false;
                if (again) {
                    LOG.infof("subscribed to %s again", channel);
                    onResubscribed.run();
                }
                return (Void) null;
            }).onFailure(failure -> connected.close());
        }).onFailure(failure -> retry(failure.toString()));
    }

    private void received(Response message) {
        // RESP2: ["message", channel, payload]; RESP3 pushes the same three elements.
        if (message.size() == 3 && "message".equals(message.get(0).toString())) {
            onMessage.accept(message.get(2).toString());
        }
    }

    private void lost(RedisConnection lost, String why) {
        if (connection == lost) {
            connection = null;
            retry(why);
        }
    }

    private void retry(String why) {
        if (closed) {
            return;
        }
        if (!reported) {
            reported = true;
            LOG.warnf("subscription to %s lost or not made (%s); trying again every second", channel, why);
        }
        vertx.setTimer(RETRY_MS, timer -> {
            if (!closed && connection == null) {
                subscribe(true);
            }
        });
    }

    /** Publishes to every subscriber, this one included. */
    public Future<Void> publish(String message) {
        return redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message)).mapEmpty();
    }

    public void close() {
        closed = true;
        RedisConnection current = connection;
        if (current != null) {
            current.close();
        }
    }
}
