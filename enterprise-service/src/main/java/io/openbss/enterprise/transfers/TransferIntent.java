package io.openbss.enterprise.transfers;

import io.openbss.common.signing.CanonicalRequest;
import io.vertx.core.json.JsonObject;

/** A validated transfer request: what the master asks, under its trans_id. */
public record TransferIntent(String transId, TransferKind kind, String subId, JsonObject request) {

    /** Equal for two requests exactly when they ask for the same movement. */
    public String hash() {
        return CanonicalRequest.sha256Hex(kind + "|" + subId + "|" + request.encode());
    }
}
