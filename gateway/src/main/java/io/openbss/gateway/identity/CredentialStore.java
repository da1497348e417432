package io.openbss.gateway.identity;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openbss.gateway.Futures;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.replicas.IdentityChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Looks up access keys for authentication, with a short-lived cache so that signed requests cost no database
 * round trip. Unknown keys are cached too, so that requests with made-up keys cannot load the database.
 */
@Singleton
public class CredentialStore {

    static final String KIND = "credential";

    private final Pool pool;
    private final SecretKeyCipher cipher;
    private final AsyncLoadingCache<String, Optional<Credential>> cache;

    private final IdentityChanges changes;

    @Inject
    public CredentialStore(Pool pool, SecretKeyCipher cipher, GatewayConfig config, IdentityChanges changes) {
        this.pool = pool;
        this.cipher = cipher;
        this.changes = changes;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(config.credentialCacheTtl())
                .maximumSize(200_000)
                .buildAsync((accessKey, executor) -> Futures.plain(load(accessKey)));
        changes.register(KIND, cache);
    }

    /** A future, completed at once on a cache hit. */
    public CompletableFuture<Optional<Credential>> find(String accessKey) {
        return cache.get(accessKey);
    }

    /** Called after an admin change, so that every replica sees it at once. */
    public void invalidate(String accessKey) {
        changes.changed(KIND, accessKey);
    }

    public void invalidateAll() {
        changes.changed(KIND, IdentityChanges.ALL);
    }

    private Uni<Optional<Credential>> load(String accessKey) {
        return pool.preparedQuery("""
                        SELECT k.access_key, k.secret_ciphertext, k.status, d.domain_id, d.name AS domain_name,
                               d.kind, d.enabled AS domain_enabled, u.user_id, u.name AS user_name, u.root,
                               u.enabled AS user_enabled
                          FROM access_key k
                          JOIN iam_user u ON u.user_id = k.user_id
                          JOIN domain d ON d.domain_id = k.domain_id
                         WHERE k.access_key = $1""")
                .execute(Tuple.of(accessKey))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(credential(rows.iterator().next())));
    }

    private Credential credential(Row row) {
        String accessKey = row.getString("access_key");
        return new Credential(accessKey, cipher.decrypt(accessKey, row.getBuffer("secret_ciphertext").getBytes()),
                AccessKey.ACTIVE.equals(row.getString("status")), row.getString("domain_id"),
                row.getString("domain_name"), DomainKind.fromWireName(row.getString("kind")),
                row.getBoolean("domain_enabled"), row.getString("user_id"), row.getString("user_name"),
                row.getBoolean("root"), row.getBoolean("user_enabled"), null);
    }
}
