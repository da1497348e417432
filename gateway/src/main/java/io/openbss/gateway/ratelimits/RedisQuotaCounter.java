package io.openbss.gateway.ratelimits;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts in Redis, shared by every gateway replica: one Lua script per request checks and counts all its quotas
 * atomically (no read-then-write between replicas), on the Redis server's clock. A call that takes longer than
 * {@code timeout} fails, and the caller decides what a failure means.
 */
public final class RedisQuotaCounter implements QuotaCounter {

    static final String PREFIX = "bss:rate-limit:";
    private static final String SCRIPT = load("/ratelimits/sliding-window.lua");
    private static final String SHA = sha1(SCRIPT);

    private final Redis redis;
    private final Duration timeout;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong requests = new AtomicLong();

    public RedisQuotaCounter(Redis redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    @Override
    public Future<Verdict> acquire(List<Quota> quotas) {
        String member = replica + ':' + requests.incrementAndGet();
        return redis.send(script(Command.EVALSHA, SHA, quotas, member))
                .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
                        ? redis.send(script(Command.EVAL, SCRIPT, quotas, member)) : Future.failedFuture(failure))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .map(answer -> verdict(quotas, answer));
    }

    private static Request script(Command command, String script, List<Quota> quotas, String member) {
        Request request = Request.cmd(command).arg(script).arg(quotas.size());
        quotas.forEach(quota -> request.arg(PREFIX + quota.key()));
        request.arg(TimeUnit.MILLISECONDS.toMicros(WINDOW_MILLIS)).arg(member);
        quotas.forEach(quota -> request.arg(quota.limit()));
        return request;
    }

    private static Verdict verdict(List<Quota> quotas, Response answer) {
        boolean admitted = answer.get(0).toInteger() == 1;
        List<Verdict.Standing> standings = new ArrayList<>(quotas.size());
        for (int i = 0; i < quotas.size(); i++) {
            Quota quota = quotas.get(i);
            long count = answer.get(2 + 2 * i).toLong();
            long resetMicros = answer.get(3 + 2 * i).toLong();
            standings.add(new Verdict.Standing(quota, (int) Math.max(0, quota.limit() - count),
                    (resetMicros + 999) / 1000));
        }
        return new Verdict(admitted, answer.get(1).toLong(), standings);
    }

    private static String load(String resource) {
        try (InputStream in = RedisQuotaCounter.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
