package io.openbss.common.operations;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The system roles an account grants its IAM users, as Huawei's BSS Administrator / Finance / Operator and a
 * read-only one, each a list of IAM action patterns ({@code bss:area:view|update}, {@code *} for any part) matched
 * against an {@link Operation}'s action. The gateway enforces them; a console reads them through {@link RoleGrants}.
 */
public enum BssRole {
    /** Everything. */
    BSS_ADMIN(List.of("bss:*:*")),
    /** Money: balances, bills and costs, fund and coupon transfers; reading what they need around them. */
    BSS_FINANCE(List.of("bss:balance:*", "bss:bill:*", "bss:transfer:*", "bss:coupon:view", "bss:price:view",
            "bss:enterprise:view", "bss:order:view")),
    /** Orders and resources: paying and cancelling orders, renewals, auto-renewal, unsubscribing. */
    BSS_OPERATOR(List.of("bss:order:*", "bss:renewal:*", "bss:unsubscribe:*", "bss:price:view", "bss:coupon:view",
            "bss:balance:view")),
    /** Every view, no change. */
    BSS_READONLY(List.of("bss:*:view"));

    private final List<String> patterns;

    BssRole(List<String> patterns) {
        this.patterns = patterns;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BssRole> fromWireName(String name) {
        for (BssRole role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public boolean allows(String action) {
        String[] parts = action.split(":");
        return patterns.stream().anyMatch(pattern -> matches(pattern.split(":"), parts));
    }

    private static boolean matches(String[] pattern, String[] action) {
        if (pattern.length != action.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(action[i])) {
                return false;
            }
        }
        return true;
    }
}
