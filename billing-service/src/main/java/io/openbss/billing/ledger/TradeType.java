package io.openbss.billing.ledger;

import java.util.Locale;
import java.util.Optional;

/** The trade types of account change records (seed 003). */
public enum TradeType {
    RECHARGE,
    /** A deduction; the API spells it DEDEUCT (seed 003), and both spellings are accepted. */
    DEDUCT,
    REFUND,
    TRANS,
    ADJUST,
    /** Recovery caused by an association change (unbinding). */
    BEUNBIND,
    EXPIRED;

    public static Optional<TradeType> fromWire(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("DEDEUCT")) {
            return Optional.of(DEDUCT);
        }
        for (TradeType type : values()) {
            if (type.name().equals(upper)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
