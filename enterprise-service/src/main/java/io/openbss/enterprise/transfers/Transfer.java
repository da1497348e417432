package io.openbss.enterprise.transfers;

import io.openbss.common.hash.Sha256;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/** A transfer as recorded: the request, and once finished, the first answer. */
public record Transfer(String masterId, String transId, TransferKind kind, String subId, JsonObject request,
        String requestHash, TransferStatus status, JsonObject result, int attempts) {

    static Transfer of(Row row) {
        return new Transfer(row.getString("master_customer_id"), row.getString("trans_id"),
                TransferKind.valueOf(row.getString("kind")), row.getString("sub_customer_id"),
                row.getJsonObject("request"), row.getString("request_hash"),
                TransferStatus.valueOf(row.getString("status")), row.getJsonObject("result"),
                row.getInteger("attempts"));
    }

    /** This transfer as it is once finished with {@code result}. */
    Transfer finished(TransferStatus to, JsonObject answer) {
        return new Transfer(masterId, transId, kind, subId, request, requestHash, to, answer, attempts);
    }

    /** The idempotency key of the ledger movement: one per master and trans_id, short enough to be a trade id. */
    public String ledgerKey() {
        return "ENT" + Sha256.hex(masterId + ":" + transId).substring(0, 40);
    }
}
