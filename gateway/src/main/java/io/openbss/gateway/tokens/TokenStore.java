package io.openbss.gateway.tokens;

import static io.openbss.common.time.BssTime.utc;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openbss.common.hash.Sha256;
import io.openbss.gateway.Futures;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.identity.DomainKind;
import io.openbss.gateway.identity.Ids;
import io.openbss.gateway.replicas.IdentityChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Issues X-Auth-Tokens (random, 384 bits) and finds them again. Only their SHA-256 is stored, so a token survives a
 * restart but a copy of the database gives none away. Lookups are cached briefly like access keys: a revocation is
 * seen at once by this replica and, with Redis, by the others ({@link IdentityChanges}); without Redis (one replica)
 * or while Redis is away, by the others within {@code bss.gateway.credential-cache-ttl}.
 */
@ApplicationScoped
public class TokenStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as stored: who holds it (no secret), how it was obtained, and its lifetime. */
    public record StoredToken(String tokenId, Credential holder, String method, Instant issuedAt, Instant expiresAt,
            boolean revoked) {

        /** Whether it still authenticates at {@code now}: not revoked, not expired, its user and account enabled. */
        public boolean liveAt(Instant now) {
            return !revoked && now.isBefore(expiresAt) && holder.usable();
        }
    }

    /** A token just issued: the token itself, shown once. */
    public record NewToken(String token, StoredToken stored) {
    }

    static final String KIND = "token";

    private final Pool pool;
    private final Clock clock;
    private final GatewayConfig config;
    private final AsyncLoadingCache<String, Optional<StoredToken>> cache;

    private final IdentityChanges changes;

    @Inject
    public TokenStore(Pool pool, Clock clock, GatewayConfig config, IdentityChanges changes) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.changes = changes;
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.credentialCacheTtl()).maximumSize(200_000)
                .buildAsync((hash, executor) -> Futures.plain(load(hash)));
        changes.register(KIND, cache);
    }

    public Uni<NewToken> issue(Credential holder, String method) {
        byte[] random = new byte[48];
        RANDOM.nextBytes(random);
        String token = "MII" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant issued = clock.instant();
        Instant expires = issued.plus(config.tokens().lifetime());
        String tokenId = Ids.hex32();
        return pool.preparedQuery("""
                        INSERT INTO auth_token (token_id, token_hash, user_id, domain_id, method, access_key,
                                                issued_at, expires_at)
                        VALUES ($1, decode($2, 'hex'), $3, $4, $5, $6, $7, $8)""")
                .execute(Tuple.from(Arrays.asList(tokenId, hash(token), holder.userId(), holder.domainId(),
                        method, holder.accessKey(), utc(issued), utc(expires))))
                .replaceWith(new NewToken(token, new StoredToken(tokenId, holder, method, issued, expires, false)));
    }

    /** The token, if it was ever issued; a future completed at once on a cache hit. */
    public CompletableFuture<Optional<StoredToken>> find(String token) {
        return cache.get(hash(token));
    }

    /** Revokes a token; true if it was live. */
    public Uni<Boolean> revoke(String tokenId) {
        return revokeWhere("token_id", tokenId).map(revoked -> revoked > 0);
    }

    /** Revokes every live token of a user (a password change, a disabled user); answers how many. */
    public Uni<Integer> revokeAllOf(String userId) {
        return revokeWhere("user_id", userId);
    }

    private Uni<Integer> revokeWhere(String column, String value) {
        return pool.preparedQuery("UPDATE auth_token SET revoked_at = $2 WHERE " + column + " = $1"
                        + " AND revoked_at IS NULL RETURNING encode(token_hash, 'hex') AS hash")
                .execute(Tuple.of(value, utc(clock.instant())))
                .map(rows -> {
                    rows.forEach(row -> changes.changed(KIND, row.getString("hash")));
                    return rows.rowCount();
                });
    }

    private Uni<Optional<StoredToken>> load(String hash) {
        return pool.preparedQuery("""
                        SELECT t.token_id, t.method, t.access_key, t.issued_at, t.expires_at, t.revoked_at,
                               d.domain_id, d.name AS domain_name, d.kind, d.enabled AS domain_enabled,
                               u.user_id, u.name AS user_name, u.root, u.enabled AS user_enabled
                          FROM auth_token t
                          JOIN iam_user u ON u.user_id = t.user_id
                          JOIN domain d ON d.domain_id = t.domain_id
                         WHERE t.token_hash = decode($1, 'hex')""")
                .execute(Tuple.of(hash))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
    }

    static StoredToken stored(Row row) {
        String tokenId = row.getString("token_id");
        Credential holder = Credential.ofUser(row.getString("domain_id"), row.getString("domain_name"),
                DomainKind.fromWireName(row.getString("kind")), row.getBoolean("domain_enabled"),
                row.getString("user_id"), row.getString("user_name"), row.getBoolean("root"),
                row.getBoolean("user_enabled"), tokenId);
        return new StoredToken(tokenId, holder, row.getString("method"),
                row.getOffsetDateTime("issued_at").toInstant(), row.getOffsetDateTime("expires_at").toInstant(),
                row.getValue("revoked_at") != null);
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
