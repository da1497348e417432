package io.openbss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary that embedded-redis carries) on a free loopback port, without persistence, that a
 * test may stop and start again on the same port to play an outage.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final RedisServer server;

    public EmbeddedRedis() {
        port = FreePorts.take();
        try {
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                    .setting("appendonly no").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server.isActive()) {
            stop();
        }
    }
}
