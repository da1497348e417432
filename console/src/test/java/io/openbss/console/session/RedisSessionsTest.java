package io.openbss.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.openbss.common.request.Language;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Sessions shared by console replicas through a real Redis server. */
class RedisSessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static RedisServer server;
    private static int port;
    private static Vertx vertx;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        vertx.close();
        server.stop();
    }

    @Test
    void aSessionPutByOneReplicaIsFoundByAnother() {
        Session session = session(Instant.now().plus(1, ChronoUnit.DAYS));
        replica(key(1)).put(session, IDLE).await().atMost(WAIT);

        assertThat(replica(key(1)).find(session.id(), IDLE).await().atMost(WAIT)).contains(session);
    }

    @Test
    void redisHoldsNeitherTheTokenNorTheCookie() {
        Session session = session(Instant.now().plus(1, ChronoUnit.DAYS));
        replica(key(1)).put(session, IDLE).await().atMost(WAIT);

        List<String> keys = command(Request.cmd(Command.KEYS).arg("*")).stream().map(Object::toString).toList();
        assertThat(keys).contains(RedisSessions.name(session.id())).noneMatch(k -> k.contains(session.id()));
        String stored = command(Request.cmd(Command.GET).arg(RedisSessions.name(session.id()))).toString();
        assertThat(stored).doesNotContain(session.token()).doesNotContain(session.id())
                .doesNotContain(session.userName());
    }

    @Test
    void anotherKeyOpensNothing() {
        Session session = session(Instant.now().plus(1, ChronoUnit.DAYS));
        replica(key(1)).put(session, IDLE).await().atMost(WAIT);

        assertThat(replica(key(2)).find(session.id(), IDLE).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aSessionEndsWithItsIdleTimeAndNeverOutlivesItsToken() {
        Session soon = session(Instant.now().plus(10, ChronoUnit.MINUTES));
        replica(key(1)).put(soon, IDLE).await().atMost(WAIT);
        long ttl = command(Request.cmd(Command.PTTL).arg(RedisSessions.name(soon.id()))).toLong();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());

        Session later = session(Instant.now().plus(1, ChronoUnit.DAYS));
        replica(key(1)).put(later, IDLE).await().atMost(WAIT);
        assertThat(command(Request.cmd(Command.PTTL).arg(RedisSessions.name(later.id()))).toLong())
                .isGreaterThan(Duration.ofMinutes(29).toMillis()).isLessThanOrEqualTo(IDLE.toMillis());
    }

    @Test
    void signingOutRemovesItForEveryReplica() {
        Session session = session(Instant.now().plus(1, ChronoUnit.DAYS));
        replica(key(1)).put(session, IDLE).await().atMost(WAIT);
        replica(key(1)).remove(session.id()).await().atMost(WAIT);

        assertThat(replica(key(1)).find(session.id(), IDLE).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aRedisThatDoesNotAnswerReadsAsNoSession() {
        RedisSessions unreachable = new RedisSessions(Redis.createClient(vertx, "redis://127.0.0.1:9"), key(1), JSON,
                Duration.ofMillis(500));
        assertThat(unreachable.find(Sessions.newId(), IDLE).await().atMost(WAIT)).isEqualTo(Optional.empty());
    }

    private static RedisSessions replica(byte[] key) {
        return new RedisSessions(Redis.createClient(vertx, "redis://127.0.0.1:" + port), key, JSON,
                Duration.ofSeconds(2));
    }

    private static io.vertx.redis.client.Response command(Request request) {
        return Redis.createClient(vertx, "redis://127.0.0.1:" + port).send(request).toCompletionStage()
                .toCompletableFuture().join();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    private static Session session(Instant expiresAt) {
        return new Session(Sessions.newId(), Session.Kind.CUSTOMER, "token-" + Sessions.newId(), "finance",
                "demo-enterprise", "d-1", List.of("bss_finance"), true, Language.EN_US, ZoneId.of("Asia/Shanghai"),
                expiresAt.truncatedTo(ChronoUnit.MILLIS));
    }
}
