package io.openbss.console.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sessions in Redis, shared by every console replica. Each is stored under the SHA-256 of its cookie's id and sealed
 * with AES-256-GCM (the key name as associated data), so that whoever reads Redis finds neither a token nor a cookie
 * to replay; it expires with its idle time, and never after its token. A Redis that does not answer in time reads
 * as no session: the browser is asked to sign in, nothing else happens.
 */
final class RedisSessions implements SessionStore {

    private static final String PREFIX = "bss:console:session:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Redis redis;
    private final SecretKeySpec key;
    private final ObjectMapper json;
    private final long timeoutMillis;

    RedisSessions(Redis redis, byte[] key, ObjectMapper json, Duration timeout) {
        if (key.length != 32) {
            throw new IllegalArgumentException("bss.console.sessions.key must be 32 bytes (base64)");
        }
        this.redis = redis;
        this.key = new SecretKeySpec(key, "AES");
        this.json = json;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Uni<Void> put(Session session, Duration idle) {
        String name = name(session.id());
        long ttl = ttlMillis(session, idle);
        if (ttl <= 0) {
            return remove(session.id());
        }
        return send(Request.cmd(Command.SET).arg(name).arg(seal(name, session)).arg("PX").arg(ttl)).replaceWithVoid();
    }

    @Override
    public Uni<Optional<Session>> find(String id, Duration idle) {
        String name = name(id);
        return send(Request.cmd(Command.GET).arg(name)).onItem().transformToUni(stored -> {
            Optional<Session> session = Optional.ofNullable(stored).map(value -> open(name, value.toString()));
            long ttl = session.map(found -> ttlMillis(found, idle)).orElse(0L);
            if (session.isEmpty() || ttl <= 0) {
                return Uni.createFrom().item(Optional.<Session>empty());
            }
            return send(Request.cmd(Command.PEXPIRE).arg(name).arg(ttl)).replaceWith(session);
        }).onFailure().recoverWithItem(Optional.empty());
    }

    @Override
    public Uni<Void> remove(String id) {
        return send(Request.cmd(Command.DEL).arg(name(id))).replaceWithVoid();
    }

    /** The key a session is stored under: the SHA-256 of its id, never the id itself. */
    static String name(String id) {
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<Response> send(Request request) {
        return Uni.createFrom().completionStage(() -> redis.send(request).timeout(timeoutMillis,
                TimeUnit.MILLISECONDS).toCompletionStage());
    }

    private static long ttlMillis(Session session, Duration idle) {
        return Math.min(idle.toMillis(), Duration.between(Instant.now(), session.expiresAt()).toMillis());
    }

    private String seal(String name, Session session) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(session));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session sealed under {@code name}; null when it does not open (another key, or tampered with). */
    private Session open(String name, String value) {
        try {
            byte[] sealed = Base64.getDecoder().decode(value);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return json.readValue(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), Session.class);
        } catch (GeneralSecurityException | IllegalArgumentException | IOException unreadable) {
            return null;
        }
    }
}
