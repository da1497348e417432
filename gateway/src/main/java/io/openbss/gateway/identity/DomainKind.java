package io.openbss.gateway.identity;

import io.openbss.common.identity.CallerKind;

/** The kind of a customer account (domain). */
public enum DomainKind {
    INDIVIDUAL(CallerKind.INDIVIDUAL),
    ENTERPRISE_MASTER(CallerKind.ENTERPRISE_MASTER),
    ENTERPRISE_SUB(CallerKind.ENTERPRISE_SUB),
    PARTNER(CallerKind.PARTNER);

    private final CallerKind callerKind;

    DomainKind(CallerKind callerKind) {
        this.callerKind = callerKind;
    }

    public CallerKind callerKind() {
        return callerKind;
    }

    public String wireName() {
        return callerKind.wireName();
    }

    public static DomainKind fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
