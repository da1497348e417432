package io.openbss.gateway.upstream;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openbss.gateway.Futures;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.identity.SecretKeyCipher;
import io.openbss.gateway.replicas.IdentityChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The links of local accounts to upstream accounts, their secret keys encrypted at rest. Lookups are cached like
 * credentials, and every replica drops a link it cached as soon as an operator changes it.
 */
@Singleton
public class UpstreamLinks {

    static final String KIND = "upstream-link";
    private static final String COLUMNS = "domain_id, endpoint, access_key, secret_ciphertext, upstream_domain_id, "
            + "created_at, updated_at";

    private final Pool pool;
    private final SecretKeyCipher cipher;
    private final IdentityChanges changes;
    private final Clock clock;
    private final AsyncLoadingCache<String, Optional<UpstreamLink>> cache;

    @Inject
    public UpstreamLinks(Pool pool, SecretKeyCipher cipher, IdentityChanges changes, GatewayConfig config,
            Clock clock) {
        this.pool = pool;
        this.cipher = cipher;
        this.changes = changes;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(config.credentialCacheTtl())
                .maximumSize(100_000)
                .buildAsync((domainId, executor) -> Futures.plain(load(domainId)));
        changes.register(KIND, cache);
    }

    /** The link of a local account, if it has one; completed at once on a cache hit. */
    public Future<Optional<UpstreamLink>> find(String domainId) {
        return Futures.onCaller(cache.get(domainId));
    }

    /** The link as stored now, bypassing the cache (the admin API). */
    public Uni<Optional<UpstreamLink>> load(String domainId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM upstream_link WHERE domain_id = $1")
                .execute(Tuple.of(domainId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(link(rows.iterator().next())));
    }

    public Uni<List<UpstreamLink>> list() {
        return pool.query("SELECT " + COLUMNS + " FROM upstream_link ORDER BY domain_id").execute()
                .map(rows -> {
                    List<UpstreamLink> links = new ArrayList<>();
                    rows.forEach(row -> links.add(link(row)));
                    return links;
                });
    }

    /** Links the account, or replaces its link (a rotated key, another upstream account). */
    public Uni<UpstreamLink> save(String domainId, URI endpoint, String accessKey, String secretKey,
            String upstreamDomainId) {
        Instant now = clock.instant();
        return pool.preparedQuery("""
                        INSERT INTO upstream_link (domain_id, endpoint, access_key, secret_ciphertext,
                                                   upstream_domain_id, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $6)
                        ON CONFLICT (domain_id) DO UPDATE SET endpoint = $2, access_key = $3, secret_ciphertext = $4,
                               upstream_domain_id = $5, updated_at = $6
                        RETURNING\s""" + COLUMNS)
                .execute(Tuple.from(List.of(domainId, endpoint.toString(), accessKey,
                        Buffer.buffer(cipher.encrypt(sealedWith(domainId, accessKey),
                                secretKey)),
                        upstreamDomainId, now.atOffset(ZoneOffset.UTC))))
                .map(rows -> link(rows.iterator().next()))
                .invoke(() -> changes.changed(KIND, domainId));
    }

    /** Whether there was a link to remove. */
    public Uni<Boolean> delete(String domainId) {
        return pool.preparedQuery("DELETE FROM upstream_link WHERE domain_id = $1").execute(Tuple.of(domainId))
                .map(rows -> rows.rowCount() > 0)
                .invoke(() -> changes.changed(KIND, domainId));
    }

    private UpstreamLink link(Row row) {
        String domainId = row.getString("domain_id");
        String accessKey = row.getString("access_key");
        return new UpstreamLink(domainId, URI.create(row.getString("endpoint")), accessKey,
                cipher.decrypt(sealedWith(domainId, accessKey), row.getBuffer("secret_ciphertext").getBytes()),
                row.getString("upstream_domain_id"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    /** The associated data of a sealed upstream key: a ciphertext cannot be moved to another link or key. */
    private static String sealedWith(String domainId, String accessKey) {
        return "upstream:" + domainId + ':' + accessKey;
    }
}
