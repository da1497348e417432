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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
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

    @WithTransaction
    public Uni<Domain> createDomain(AdminViews.NewDomain request) {
        String name = checkName("name", request.name());
        DomainKind kind = kind(request.kind());
        String phone = request.mobilePhone() == null ? null : MobilePhones.checkFormat(request.mobilePhone());
        return Domain.count("name", name).chain(existing -> {
            if (existing > 0) {
                throw nameTaken(name);
            }
            return phone == null ? Uni.createFrom().voidItem() : phones.requireUnbound(phone);
        }).chain(() -> {
            Domain domain = new Domain();
            domain.domainId = Ids.hex32();
            domain.name = name;
            domain.kind = kind;
            domain.enabled = true;
            domain.mobilePhone = phone;
            domain.createdAt = clock.instant();
            IamUser root = user(domain.domainId, name, true);
            return domain.persist().chain(root::persist).chain(Panache::flush)
                    .onFailure(failure -> Constraints.violated(failure, "domain_name_unique"))
                    .transform(failure -> nameTaken(name))
                    .replaceWith(domain);
        });
    }

    @WithTransaction
    public Uni<IamUser> createUser(String domainId, AdminViews.NewUser request) {
        String name = checkName("name", request.name());
        return domain(domainId).chain(domain -> IamUser.count("domainId = ?1 and name = ?2", domainId, name))
                .flatMap(existing -> {
                    if (existing > 0) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "User " + name + " already exists");
                    }
                    IamUser user = user(domainId, name, false);
                    return user.persist().replaceWith(user);
                });
    }

    @WithTransaction
    public Uni<AdminViews.CreatedAccessKey> createAccessKey(String domainId, AdminViews.NewAccessKey request) {
        String description = request == null ? null : request.description();
        if (description != null && description.length() > 255) {
            throw BssException.badParameter("description", "must be at most 255 characters");
        }
        Uni<IamUser> owner = request == null || request.userId() == null
                ? IamUser.<IamUser>find("domainId = ?1 and root = true", domainId).firstResult()
                : IamUser.<IamUser>findById(request.userId());
        return domain(domainId).chain(() -> owner).flatMap(user -> {
            if (user == null || !user.domainId.equals(domainId)) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such user in account " + domainId);
            }
            return newAccessKey(user.userId, domainId, description);
        });
    }

    /** A new AK/SK pair for the user of {@code accessKey}, which is disabled in the same transaction. */
    @WithTransaction
    public Uni<AdminViews.CreatedAccessKey> rotateAccessKey(String accessKey) {
        return AccessKey.<AccessKey>findById(accessKey).flatMap(old -> {
            if (old == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such access key " + accessKey);
            }
            old.status = AccessKey.INACTIVE;
            credentials.invalidate(accessKey);
            return newAccessKey(old.userId, old.domainId, "rotated from " + accessKey);
        });
    }

    private Uni<AdminViews.CreatedAccessKey> newAccessKey(String userId, String domainId, String description) {
        AccessKey key = new AccessKey();
        key.accessKey = Ids.accessKey();
        key.userId = userId;
        key.domainId = domainId;
        String secret = Ids.secretKey();
        key.secretCiphertext = cipher.encrypt(key.accessKey, secret);
        key.status = AccessKey.ACTIVE;
        key.description = description;
        key.createdAt = clock.instant();
        return key.persist().replaceWith(new AdminViews.CreatedAccessKey(key.accessKey, secret, key.userId,
                domainId, key.status));
    }

    @WithTransaction
    public Uni<AccessKey> setAccessKeyStatus(String accessKey, AdminViews.AccessKeyStatus request) {
        if (request == null || !Arrays.asList(AccessKey.ACTIVE, AccessKey.INACTIVE).contains(request.status())) {
            throw BssException.badParameter("status", "must be active or inactive");
        }
        return AccessKey.<AccessKey>findById(accessKey).map(key -> {
            if (key == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such access key " + accessKey);
            }
            key.status = request.status();
            credentials.invalidate(accessKey);
            return key;
        });
    }

    @WithTransaction
    public Uni<ReportedContact> reportContact(String contact, AdminViews.ContactReport request) {
        if (contact == null || contact.isBlank() || contact.length() > 254) {
            throw BssException.badParameter("contact", "must be 1 to 254 characters");
        }
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 255) {
            throw BssException.badParameter("reason", "must be at most 255 characters");
        }
        return ReportedContact.<ReportedContact>findById(contact).chain(existing -> {
            if (existing != null) {
                existing.reason = reason;
                return Uni.createFrom().item(existing);
            }
            ReportedContact reported = new ReportedContact();
            reported.contact = contact;
            reported.reason = reason;
            reported.createdAt = clock.instant();
            return reported.persist().replaceWith(reported);
        });
    }

    @WithTransaction
    public Uni<Void> withdrawReport(String contact) {
        return ReportedContact.deleteById(contact).invoke(deleted -> {
            if (!deleted) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such reported contact " + contact);
            }
        }).replaceWithVoid();
    }

    private Uni<Domain> domain(String domainId) {
        return Domain.<Domain>findById(domainId).map(domain -> {
            if (domain == null) {
                throw new BssException(ErrorCode.INVALID_PARAMETER, "No such account " + domainId);
            }
            return domain;
        });
    }

    private IamUser user(String domainId, String name, boolean root) {
        IamUser user = new IamUser();
        user.userId = Ids.hex32();
        user.domainId = domainId;
        user.name = name;
        user.root = root;
        user.enabled = true;
        user.createdAt = clock.instant();
        return user;
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
