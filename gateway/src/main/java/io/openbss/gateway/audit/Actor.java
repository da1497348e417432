package io.openbss.gateway.audit;

import java.util.Locale;

/** Who made a recorded change: a customer (with an access key or a token) or an operator with the admin token. */
public enum Actor {
    CUSTOMER,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
