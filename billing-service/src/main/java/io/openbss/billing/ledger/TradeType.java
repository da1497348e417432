package io.openbss.billing.ledger;

/** The trade types of account change records (seed 003). */
public enum TradeType {
    RECHARGE,
    DEDUCT,
    REFUND,
    TRANS,
    ADJUST
}
