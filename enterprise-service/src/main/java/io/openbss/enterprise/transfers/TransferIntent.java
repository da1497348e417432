package io.openbss.enterprise.transfers;

import io.openbss.common.hash.Sha256;
import io.vertx.core.json.JsonObject;

/** A validated transfer request: what the master asks, under its trans_id. */
public record TransferIntent(String transId, TransferKind kind, String subId, JsonObject request) {

    /** Equal for two requests exactly when they ask for the same movement. */
    public String hash() {
        return Sha256.hex(kind + "|" + subId + "|" + request.encode());
    }
}
