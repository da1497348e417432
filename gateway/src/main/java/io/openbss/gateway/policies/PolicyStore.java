package io.openbss.gateway.policies;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.openbss.common.operations.BssRole;
import io.openbss.gateway.Futures;
import io.openbss.gateway.GatewayConfig;
import io.openbss.gateway.replicas.IdentityChanges;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The policies of IAM users, cached as access keys are (a change is seen at once here, within the TTL elsewhere). */
@Singleton
public class PolicyStore {

    static final String KIND = "policy";

    private final Pool pool;
    private final AsyncLoadingCache<String, List<UserPolicy>> cache;

    private final IdentityChanges changes;

    @Inject
    public PolicyStore(Pool pool, GatewayConfig config, IdentityChanges changes) {
        this.pool = pool;
        this.changes = changes;
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.credentialCacheTtl()).maximumSize(200_000)
                .buildAsync((userId, executor) -> Futures.plain(load(userId)));
        changes.register(KIND, cache);
    }

    public CompletableFuture<List<UserPolicy>> ofUser(String userId) {
        return cache.get(userId);
    }

    /** Replaces a user's policies. */
    public Uni<List<UserPolicy>> replace(String userId, List<UserPolicy> policies) {
        List<Tuple> rows = policies.stream().map(p -> Tuple.of(userId, p.role().wireName(),
                p.cloudServiceTypes() == null ? null : p.cloudServiceTypes().toArray(String[]::new))).toList();
        return pool.withTransaction(connection -> connection.preparedQuery("DELETE FROM user_policy WHERE user_id = $1")
                        .execute(Tuple.of(userId))
                        .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                                : connection.preparedQuery("""
                                        INSERT INTO user_policy (user_id, role, cloud_service_types)
                                        VALUES ($1, $2, $3)""").executeBatch(rows).replaceWithVoid()))
                .invoke(() -> changes.changed(KIND, userId))
                .replaceWith(policies);
    }

    private Uni<List<UserPolicy>> load(String userId) {
        return pool.preparedQuery("SELECT role, cloud_service_types FROM user_policy WHERE user_id = $1 ORDER BY role")
                .execute(Tuple.of(userId)).map(rows -> {
                    List<UserPolicy> policies = new ArrayList<>();
                    for (Row row : rows) {
                        String[] types = row.getArrayOfStrings("cloud_service_types");
                        policies.add(new UserPolicy(BssRole.fromWireName(row.getString("role")).orElseThrow(),
                                types == null ? null : new LinkedHashSet<>(Arrays.asList(types))));
                    }
                    return List.copyOf(policies);
                });
    }
}
