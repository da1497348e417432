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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
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

    private static final String NAME_TAKEN = "domain_name_unique";

    @Inject
    MobilePhones phones;

    @Inject
    Clock clock;

    /** The account made under this key, replayed; null when the key is new. */
    @WithSession
    public Uni<AccountRequests.CreatedAccount> firstResult(String key, String fingerprint) {
        return replay(key, fingerprint);
    }

    @WithTransaction
    public Uni<AccountRequests.CreatedAccount> create(AccountRequests.NewAccount request, String fingerprint,
            String passwordHash) {
        String domainId = Ids.hex32();
        // Microseconds, as stored: a replay shows the same created_at as the first answer.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return claim(request.idempotencyKey(), fingerprint, domainId, now).chain(claimed -> claimed
                ? createDomain(request, domainId, now, passwordHash)
                        .map(domain -> AccountRequests.CreatedAccount.of(domain, false))
                : replay(request.idempotencyKey(), fingerprint));
    }

    /** False when another request holds the key: PostgreSQL waits until that one commits (or rolls back). */
    private static Uni<Boolean> claim(String key, String fingerprint, String domainId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO domain_creation (idempotency_key, request_hash, domain_id, created_at)
                        VALUES (:key, :hash, :domainId, :now) ON CONFLICT (idempotency_key) DO NOTHING""")
                .setParameter("key", key).setParameter("hash", fingerprint).setParameter("domainId", domainId)
                .setParameter("now", now).executeUpdate()).map(inserted -> inserted == 1);
    }

    private static Uni<AccountRequests.CreatedAccount> replay(String key, String fingerprint) {
        return DomainCreation.<DomainCreation>findById(key).chain(creation -> {
            if (creation == null) {
                return Uni.createFrom().nullItem();
            }
            if (!creation.requestHash.equals(fingerprint)) {
                throw new BssException(ErrorCode.BAD_PARAMETER,
                        "Invalid parameter idempotency_key: idempotency_key was used for a different request");
            }
            return Domain.<Domain>findById(creation.domainId)
                    .map(domain -> AccountRequests.CreatedAccount.of(domain, true));
        });
    }

    private Uni<Domain> createDomain(AccountRequests.NewAccount request, String domainId, Instant now,
            String passwordHash) {
        String name = request.name();
        return master(request.masterDomainId())
                .call(master -> Domain.count("name", name).invoke(existing -> {
                    if (existing > 0) {
                        throw nameTaken(name);
                    }
                }))
                .chain(master -> bindPhone(request, master))
                .chain(phone -> {
                    Domain domain = new Domain();
                    domain.domainId = domainId;
                    domain.name = name;
                    domain.kind = DomainKind.ENTERPRISE_SUB;
                    domain.enabled = true;
                    domain.mobilePhone = phone;
                    domain.createdAt = now;
                    IamUser root = new IamUser();
                    root.userId = Ids.hex32();
                    root.domainId = domainId;
                    root.name = name;
                    root.root = true;
                    root.enabled = true;
                    root.passwordHash = passwordHash;
                    root.createdAt = now;
                    return domain.persist().chain(root::persist).chain(Panache::flush)
                            .onFailure(failure -> Constraints.violated(failure, NAME_TAKEN))
                            .transform(failure -> nameTaken(name))
                            .replaceWith(domain);
                });
    }

    private static Uni<Domain> master(String masterDomainId) {
        return Domain.<Domain>findById(masterDomainId).map(master -> {
            if (master == null || master.kind != DomainKind.ENTERPRISE_MASTER) {
                throw new BssException(ErrorCode.INVALID_PARAMETER,
                        "master_domain_id is not an enterprise master account: " + masterDomainId);
            }
            return master;
        });
    }

    /** The phone the new account gets: its own, unbound, or its master's, shared by few enough accounts. */
    private Uni<String> bindPhone(AccountRequests.NewAccount request, Domain master) {
        if (request.usesMasterMobilePhone()) {
            if (master.mobilePhone == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "The master account has no mobile phone to share");
            }
            return phones.requireNotReported(master.mobilePhone)
                    .chain(() -> phones.requireShareable(master.mobilePhone)).replaceWith(master.mobilePhone);
        }
        return phones.requireNotReported(request.mobilePhone())
                .chain(() -> phones.requireUnbound(request.mobilePhone())).replaceWith(request.mobilePhone());
    }

    private static BssException nameTaken(String name) {
        return new BssException(AccountError.INVALID_DOMAIN_NAME, "Invalid DomainName: " + name + " already exists");
    }
}
