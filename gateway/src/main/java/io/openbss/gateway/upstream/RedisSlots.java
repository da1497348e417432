package io.openbss.gateway.upstream;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The upstream quotas' slots shared by every gateway replica, in Redis, on the Redis server's clock. */
final class RedisSlots implements Slots {

    static final String PREFIX = "bss:upstream-quota:";
    private static final String TAKE = load("/upstream/take-slot.lua");
    private static final String ANSWERED = load("/upstream/answered-slot.lua");

    private final Redis redis;
    private final Duration timeout;
    private final long windowMicros;
    private final long holdMicros;

    RedisSlots(Redis redis, Duration timeout, long windowMillis, long holdMillis) {
        this.redis = redis;
        this.timeout = timeout;
        this.windowMicros = TimeUnit.MILLISECONDS.toMicros(windowMillis);
        this.holdMicros = TimeUnit.MILLISECONDS.toMicros(holdMillis);
    }

    @Override
    public Future<Taking> take(String quota, String call, int limit) {
        Request request = Request.cmd(Command.EVAL).arg(TAKE).arg(1).arg(PREFIX + quota).arg(windowMicros)
                .arg(holdMicros).arg(limit).arg(call);
        return redis.send(request).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).map(answer -> {
            if (answer.get(0).toInteger() == 1) {
                return new Taking(true, 0);
            }
            long micros = answer.get(1).toLong();
            return new Taking(false, micros > windowMicros ? -1 : (micros + 999) / 1000);
        });
    }

    @Override
    public Future<Void> answered(String quota, String call) {
        return redis.send(Request.cmd(Command.EVAL).arg(ANSWERED).arg(1).arg(PREFIX + quota).arg(call))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).mapEmpty();
    }

    private static String load(String resource) {
        try (InputStream in = RedisSlots.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
