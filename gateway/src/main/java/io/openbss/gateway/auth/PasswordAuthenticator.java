package io.openbss.gateway.auth;

import io.openbss.gateway.errors.ApigException;
import io.openbss.gateway.identity.Credential;
import io.openbss.gateway.identity.DomainKind;
import io.openbss.gateway.identity.PasswordHasher;
import io.openbss.gateway.tokens.TokenRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Authenticates a token request's user name and password. The account must match every domain field the request
 * gives (name and id), so that no combination of fields reaches a user another way. bcrypt runs on a worker thread;
 * an unknown user costs a bcrypt check too, so that timing does not tell which users exist. A user, as resolved, is
 * locked for a while after more than the allowed failures, as an access key is; a locked user's attempts are refused
 * without a bcrypt check, so that guessing costs the gateway nothing once the lock holds.
 */
@ApplicationScoped
public class PasswordAuthenticator {

    /** A hash of a random password nobody knows: what an unknown user is checked against (made when first used). */
    private static final class Nobody {
        static final String HASH = new PasswordHasher().hash(UUID.randomUUID().toString());
    }

    @Inject
    Pool pool;

    @Inject
    PasswordHasher hasher;

    @Inject
    AccessKeyLockout lockout;

    @Inject
    Vertx vertx;

    @Inject
    Clock clock;

    public Future<Credential> authenticate(TokenRequest request) {
        return pool.preparedQuery("""
                        SELECT d.domain_id, d.name AS domain_name, d.kind, d.enabled AS domain_enabled,
                               u.user_id, u.name AS user_name, u.root, u.enabled AS user_enabled, u.password_hash
                          FROM iam_user u JOIN domain d ON d.domain_id = u.domain_id
                         WHERE u.name = $1 AND ($2::text IS NULL OR d.name = $2)
                           AND ($3::text IS NULL OR d.domain_id = $3)""")
                .execute(Tuple.of(request.userName(), request.domainName(), request.domainId()))
                .compose(rows -> {
                    Row row = rows.size() == 1 ? rows.iterator().next() : null;
                    String lockKey = row == null ? null : "password:" + row.getString("user_id");
                    if (lockKey != null && lockout.isLocked(lockKey, clock.instant())) {
                        throw ApigException.lockedUser();
                    }
                    String hash = row == null ? null : row.getString("password_hash");
                    return vertx.executeBlocking(() -> hasher.matches(request.password(),
                                    hash == null ? Nobody.HASH : hash), false)
                            .compose(matches -> {
                                Instant now = clock.instant();
                                if (lockKey != null && lockout.isLocked(lockKey, now)) {
                                    throw ApigException.lockedUser();
                                }
                                if (row == null || hash == null || !matches) {
                                    if (lockKey == null) {
                                        throw ApigException.wrongPassword();
                                    }
                                    return lockout.failed(lockKey, now).map(locked -> {
                                        throw locked ? ApigException.lockedUser() : ApigException.wrongPassword();
                                    });
                                }
                                lockout.succeeded(lockKey);
                                Credential user = Credential.ofUser(row.getString("domain_id"),
                                        row.getString("domain_name"), DomainKind.fromWireName(row.getString("kind")),
                                        row.getBoolean("domain_enabled"), row.getString("user_id"),
                                        row.getString("user_name"), row.getBoolean("root"),
                                        row.getBoolean("user_enabled"), null);
                                if (!user.usable()) {
                                    throw ApigException.wrongPassword();
                                }
                                return Future.succeededFuture(user);
                            });
                });
    }
}
