package io.openbss.gateway.accounts;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.gateway.errors.AccountError;
import io.openbss.gateway.identity.Constraints;
import io.openbss.gateway.identity.Domain;
import io.openbss.gateway.identity.DomainKind;
import io.openbss.gateway.identity.IamUser;
import io.openbss.gateway.identity.Ids;
import io.openbss.gateway.identity.MobilePhones;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The database side of account creation. The transaction first claims the idempotency key (insert, or wait for the
 * transaction holding it and read what it made), then checks what only the database knows and writes the account,
 * its root user and the claim together.
 */
@ApplicationScoped
public class AccountCreationStore {

    @Inject
    MobilePhones phones;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    /** The account made under this key, replayed; null when the key is new. */
    public Uni<AccountRequests.CreatedAccount> firstResult(String key, String fingerprint) {
        return replay(pool, key, fingerprint);
    }

    public Uni<AccountRequests.CreatedAccount> create(AccountRequests.NewAccount request, String fingerprint,
            String passwordHash) {
        String domainId = Ids.hex32();
        // Microseconds, as stored: a replay shows the same created_at as the first answer.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DomainCreation creation = new DomainCreation(request.idempotencyKey(), fingerprint, domainId);
        return pool.withTransaction(transaction -> creation.claim(transaction, now).chain(claimed -> claimed
                ? createDomain(transaction, request, domainId, now, passwordHash)
                        .map(domain -> AccountRequests.CreatedAccount.of(domain, false))
                : replay(transaction, request.idempotencyKey(), fingerprint)));
    }

    private static Uni<AccountRequests.CreatedAccount> replay(SqlClient client, String key, String fingerprint) {
        return DomainCreation.find(client, key).chain(creation -> {
            if (creation == null) {
                return Uni.createFrom().nullItem();
            }
            if (!creation.requestHash().equals(fingerprint)) {
                throw new BssException(ErrorCode.BAD_PARAMETER,
                        "Invalid parameter idempotency_key: idempotency_key was used for a different request");
            }
            return Domain.find(client, creation.domainId())
                    .map(domain -> AccountRequests.CreatedAccount.of(domain, true));
        });
    }

    private Uni<Domain> createDomain(SqlClient transaction, AccountRequests.NewAccount request, String domainId,
            Instant now, String passwordHash) {
        String name = request.name();
        return master(transaction, request.masterDomainId())
                .call(master -> Domain.nameTaken(transaction, name).invoke(taken -> {
                    if (taken) {
                        throw nameTaken(name);
                    }
                }))
                .chain(master -> bindPhone(transaction, request, master))
                .chain(phone -> {
                    Domain domain = new Domain(domainId, name, DomainKind.ENTERPRISE_SUB, true, phone, now);
                    IamUser root = new IamUser(Ids.hex32(), domainId, name, true, true, passwordHash, now);
                    return domain.insert(transaction).chain(() -> root.insert(transaction))
                            .onFailure(failure -> Constraints.violated(failure, Domain.NAME_UNIQUE))
                            .transform(failure -> nameTaken(name))
                            .replaceWith(domain);
                });
    }

    private static Uni<Domain> master(SqlClient transaction, String masterDomainId) {
        return Domain.find(transaction, masterDomainId).map(master -> {
            if (master == null || master.kind() != DomainKind.ENTERPRISE_MASTER) {
                throw new BssException(ErrorCode.INVALID_PARAMETER,
                        "master_domain_id is not an enterprise master account: " + masterDomainId);
            }
            return master;
        });
    }

    /** The phone the new account gets: its own, unbound, or its master's, shared by few enough accounts. */
    private Uni<String> bindPhone(SqlClient transaction, AccountRequests.NewAccount request, Domain master) {
        if (request.usesMasterMobilePhone()) {
            String shared = master.mobilePhone();
            if (shared == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "The master account has no mobile phone to share");
            }
            return phones.requireNotReported(transaction, shared)
                    .chain(() -> phones.requireShareable(transaction, shared)).replaceWith(shared);
        }
        return phones.requireNotReported(transaction, request.mobilePhone())
                .chain(() -> phones.requireUnbound(transaction, request.mobilePhone()))
                .replaceWith(request.mobilePhone());
    }

    private static BssException nameTaken(String name) {
        return new BssException(AccountError.INVALID_DOMAIN_NAME, "Invalid DomainName: " + name + " already exists");
    }
}
