package io.openbss.gateway.accounts;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.gateway.errors.AccountError;
import io.openbss.gateway.identity.DomainKind;
import io.openbss.gateway.identity.MobilePhones;
import io.openbss.gateway.identity.PasswordHasher;
import io.openbss.gateway.identity.PasswordPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * Creates accounts for services, once per idempotency key. A key seen before answers with its first result before
 * anything else is checked (a replay may come without the password); a new key is checked, its password hashed off
 * the event loop, and the account created in one transaction ({@link AccountCreationStore}).
 */
@ApplicationScoped
public class AccountCreationService {

    /** Huawei Cloud account names: 5 to 32 letters, digits, '-' and '_', starting with a letter. */
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{4,31}");
    private static final int MAX_KEY_LENGTH = 128;

    @Inject
    AccountCreationStore store;

    @Inject
    PasswordHasher passwords;

    @Inject
    Vertx vertx;

    public Uni<AccountRequests.CreatedAccount> create(AccountRequests.NewAccount request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        String key = request.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw BssException.badParameter("idempotency_key", "is required, at most 128 characters");
        }
        String fingerprint = request.fingerprint();
        return store.firstResult(key, fingerprint).onItem().ifNull().switchTo(() -> {
            check(request);
            return vertx.executeBlocking(() -> passwords.hash(request.password()), false)
                    .chain(hash -> store.create(request, fingerprint, hash));
        });
    }

    private static void check(AccountRequests.NewAccount request) {
        String name = request.name();
        if (name == null || !ACCOUNT_NAME.matcher(name).matches()) {
            throw new BssException(AccountError.INVALID_DOMAIN_NAME, "Invalid DomainName: "
                    + "must be 5 to 32 letters, digits, '-' or '_', starting with a letter");
        }
        if (!DomainKind.ENTERPRISE_SUB.wireName().equals(request.kind())) {
            throw BssException.badParameter("kind", "must be enterprise_sub");
        }
        if (request.masterDomainId() == null || request.masterDomainId().isBlank()) {
            throw new BssException(ErrorCode.INVALID_PARAMETER, "master_domain_id is required");
        }
        if (!request.usesMasterMobilePhone()) {
            MobilePhones.checkFormat(request.mobilePhone());
        }
        PasswordPolicy.check(request.password(), name);
    }
}
