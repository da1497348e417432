package io.openbss.gateway.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/**
 * Hashes account passwords with bcrypt (Modular Crypt Format, {@code $2a$10$...}) and checks passwords against such
 * hashes. Both are slow on purpose (tens of milliseconds): call them off the event loop.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int COST = 10;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(Objects.requireNonNull(password, "password"), COST);
    }

    /** False for a user without a password (null hash). */
    public boolean matches(String password, String hash) {
        return password != null && hash != null && BcryptUtil.matches(password, hash);
    }
}
