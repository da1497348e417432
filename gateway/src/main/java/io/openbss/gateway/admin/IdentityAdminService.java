package io.openbss.gateway.admin;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.gateway.identity.AccessKey;
import io.openbss.gateway.identity.Constraints;
import io.openbss.gateway.identity.CredentialStore;
import io.openbss.gateway.identity.Domain;
import io.openbss.gateway.identity.DomainKind;
import io.openbss.gateway.identity.IamUser;
import io.openbss.gateway.identity.Ids;
import io.openbss.gateway.identity.MobilePhones;
import io.openbss.gateway.identity.ReportedContact;
import io.openbss.gateway.identity.SecretKeyCipher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Creates and changes accounts, users, AK/SK pairs and reported contacts for the admin API. */
@ApplicationScoped
public class IdentityAdminService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{2,63}");

    @Inject
    SecretKeyCipher cipher;

    @Inject
    CredentialStore credentials;

    @Inject
    MobilePhones phones;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    public Uni<Domain> createDomain(AdminViews.NewDomain request) {
        String name = checkName("name", request.name());
        DomainKind kind = kind(request.kind());
        String phone = request.mobilePhone() == null ? null : MobilePhones.checkFormat(request.mobilePhone());
        Domain domain = new Domain(Ids.hex32(), name, kind, true, phone, now());
        IamUser root = user(domain.domainId(), name, true);
        return pool.withTransaction(transaction -> Domain.nameTaken(transaction, name).chain(taken -> {
            if (taken) {
                throw nameTaken(name);
            }
            return phone == null ? Uni.createFrom().voidItem() : phones.requireUnbound(transaction, phone);
        }).chain(() -> domain.insert(transaction)).chain(() -> root.insert(transaction))
                .onFailure(failure -> Constraints.violated(failure, Domain.NAME_UNIQUE))
                .transform(failure -> nameTaken(name))
                .replaceWith(domain));
    }

    public Uni<IamUser> createUser(String domainId, AdminViews.NewUser request) {
        String name = checkName("name", request.name());
        IamUser user = user(domainId, name, false);
        return pool.withTransaction(transaction -> domain(transaction, domainId)
                .chain(() -> user.insert(transaction)).map(inserted -> {
                    if (!inserted) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "User " + name + " already exists");
                    }
                    return user;
                }));
    }

    public Uni<AdminViews.CreatedAccessKey> createAccessKey(String domainId, AdminViews.NewAccessKey request) {
        String description = request == null ? null : request.description();
        if (description != null && description.length() > 255) {
            throw BssException.badParameter("description", "must be at most 255 characters");
        }
        String userId = request == null ? null : request.userId();
        return pool.withTransaction(transaction -> domain(transaction, domainId)
                .chain(() -> userId == null ? IamUser.rootOf(transaction, domainId)
                        : IamUser.find(transaction, userId))
                .chain(user -> {
                    if (user == null || !user.domainId().equals(domainId)) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "No such user in account " + domainId);
                    }
                    return newAccessKey(transaction, user.userId(), domainId, description);
                }));
    }

    /** A new AK/SK pair for the user of {@code accessKey}, which is disabled in the same transaction. */
    public Uni<AdminViews.CreatedAccessKey> rotateAccessKey(String accessKey) {
        return pool.withTransaction(transaction -> AccessKey.setStatus(transaction, accessKey, AccessKey.INACTIVE)
                .chain(old -> {
                    if (old == null) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "No such access key " + accessKey);
                    }
                    return newAccessKey(transaction, old.userId(), old.domainId(), "rotated from " + accessKey);
                })).invoke(() -> credentials.invalidate(accessKey));
    }

    private Uni<AdminViews.CreatedAccessKey> newAccessKey(SqlClient transaction, String userId, String domainId,
            String description) {
        String id = Ids.accessKey();
        String secret = Ids.secretKey();
        AccessKey key = new AccessKey(id, userId, domainId, cipher.encrypt(id, secret), AccessKey.ACTIVE,
                description, now());
        return key.insert(transaction).replaceWith(new AdminViews.CreatedAccessKey(id, secret, userId, domainId,
                key.status()));
    }

    public Uni<AccessKey> setAccessKeyStatus(String accessKey, AdminViews.AccessKeyStatus request) {
        if (request == null || !Arrays.asList(AccessKey.ACTIVE, AccessKey.INACTIVE).contains(request.status())) {
            throw BssException.badParameter("status", "must be active or inactive");
        }
        return AccessKey.setStatus(pool, accessKey, request.status()).map(key -> {
            if (key == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such access key " + accessKey);
            }
            credentials.invalidate(accessKey);
            return key;
        });
    }

    public Uni<ReportedContact> reportContact(String contact, AdminViews.ContactReport request) {
        if (contact == null || contact.isBlank() || contact.length() > 254) {
            throw BssException.badParameter("contact", "must be 1 to 254 characters");
        }
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 255) {
            throw BssException.badParameter("reason", "must be at most 255 characters");
        }
        return ReportedContact.report(pool, contact, reason, now());
    }

    public Uni<Void> withdrawReport(String contact) {
        return ReportedContact.withdraw(pool, contact).invoke(withdrawn -> {
            if (!withdrawn) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such reported contact " + contact);
            }
        }).replaceWithVoid();
    }

    private static Uni<Domain> domain(SqlClient client, String domainId) {
        return Domain.find(client, domainId).map(domain -> {
            if (domain == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such account " + domainId);
            }
            return domain;
        });
    }

    private IamUser user(String domainId, String name, boolean root) {
        return new IamUser(Ids.hex32(), domainId, name, root, true, null, now());
    }

    /** Microseconds, as stored: what the answer shows is what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String checkName(String parameter, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw BssException.badParameter(parameter,
                    "must be 3 to 64 letters, digits, '_', '.' or '-', starting with a letter");
        }
        return name;
    }

    private static BssException nameTaken(String name) {
        return new BssException(ErrorCode.INVALID_PARAMETER, "An account named " + name + " already exists");
    }

    private static DomainKind kind(String kind) {
        try {
            return DomainKind.fromWireName(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw BssException.badParameter("kind", "must be individual, enterprise_master, enterprise_sub or partner");
        }
    }
}
