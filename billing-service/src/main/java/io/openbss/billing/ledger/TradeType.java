package io.openbss.billing.ledger;

import java.util.Locale;
import java.util.Optional;

/**
 * The trade types of account change records: every value ListCustomerAccountChangeRecordsRequest.trade_type
 * documents (seed 003 and the SDK), whether or not OpenBSS records any movement under it.
 */
public enum TradeType {
    RECHARGE,
    /** A deduction; the API spells it DEDEUCT (seed 003), and both spellings are accepted. */
    DEDUCT,
    REFUND,
    /** Frozen funds. */
    RFROZEN,
    /** Balance and deposit exchange of the old business model; coupon transfers between customers. */
    TRANS,
    ADJUST,
    /** Recovery caused by an association change (unbinding). */
    BEUNBIND,
    EXPIRED,
    BONUSCONVERT,
    TRADE_MODE_TRANSFER,
    DEPOSIT,
    /** An allocation (拨款) from an enterprise master to a sub-account: the SDK's BEADJUST. */
    BEADJUST,
    /** A reclaim (回收) of an allocation by an enterprise master: the SDK's BERETRIEVE. */
    BERETRIEVE;

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
