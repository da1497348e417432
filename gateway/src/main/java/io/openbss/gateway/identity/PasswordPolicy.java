package io.openbss.gateway.identity;

import io.openbss.common.error.BssException;
import io.openbss.gateway.errors.AccountError;
import java.util.Locale;

/**
 * Huawei Cloud's rules for account passwords: 8 to 32 characters from four classes (uppercase, lowercase, digits,
 * special characters), at least two of them, and neither the account name nor its reverse inside. Messages never
 * repeat the password.
 */
public final class PasswordPolicy {

    static final String SPECIAL = "~`!@#$%^&*()-_=+\\|[{}];:'\",<.>/?";

    private PasswordPolicy() {
    }

    public static String check(String password, String accountName) {
        if (password == null) {
            throw BssException.badParameter("password", "is required");
        }
        if (password.length() < 8 || password.length() > 32) {
            throw refused("must be 8 to 32 characters");
        }
        int classes = 0;
        for (int i = 0; i < password.length(); i++) {
            classes |= classOf(password.charAt(i));
        }
        if (Integer.bitCount(classes) < 2) {
            throw refused(
                    "must contain at least two of: uppercase letters, lowercase letters, digits, special characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = accountName.toLowerCase(Locale.ROOT);
        if (lower.contains(name) || lower.contains(new StringBuilder(name).reverse())) {
            throw refused("must not contain the account name or the account name reversed");
        }
        return password;
    }

    private static int classOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return 1;
        }
        if (c >= 'a' && c <= 'z') {
            return 2;
        }
        if (c >= '0' && c <= '9') {
            return 4;
        }
        if (SPECIAL.indexOf(c) >= 0) {
            return 8;
        }
        throw refused("may contain only letters, digits and the special characters " + SPECIAL);
    }

    private static BssException refused(String problem) {
        return new BssException(AccountError.BAD_PASSWORD_FORMAT, "Invalid password: " + problem);
    }
}
