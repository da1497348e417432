package io.openbss.common.identity;

import java.util.Locale;

/** The kind of customer account a caller belongs to, or an internal caller. */
public enum CallerKind {
    INDIVIDUAL,
    ENTERPRISE_MASTER,
    ENTERPRISE_SUB,
    PARTNER,
    /** Another OpenBSS service calling an internal API. */
    SERVICE,
    /** An operator, through the gateway's admin API. */
    OPERATOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallerKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean isCustomer() {
        return this != SERVICE && this != OPERATOR;
    }
}
