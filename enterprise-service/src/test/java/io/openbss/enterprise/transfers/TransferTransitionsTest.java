package io.openbss.enterprise.transfers;

import static io.openbss.enterprise.transfers.TransferStatus.FAILED;
import static io.openbss.enterprise.transfers.TransferStatus.PENDING;
import static io.openbss.enterprise.transfers.TransferStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.enterprise.FakeGateway;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every event of a transfer tried from every status, against the database. The allowed moves are the business's,
 * written out here (a trans_id moves money at most once: a transfer recorded before the ledger is called is finished
 * once, with the ledger's first answer, made or refused), not read from the state machine.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class TransferTransitionsTest {

    static final Map<String, Map<TransferStatus, TransferStatus>> ALLOWED = Map.of(
            "succeed", Map.of(PENDING, SUCCEEDED),
            "fail", Map.of(PENDING, FAILED));

    static final JsonObject MADE = new JsonObject().put("sub_coupon_id", "c1");
    static final JsonObject REFUSED = new JsonObject().put("error_code", "CBC.99005003")
            .put("error_msg", "Insufficient balance");

    @Inject
    Pool pool;

    @Inject
    TransferTransitions transitions;

    @Inject
    TransferStore store;

    @Test
    void everyEventMovesOnlyFromTheStatusesItLeaves() {
        Map<String, Function<Transfer, Uni<Boolean>>> events = Map.of(
                "succeed", transfer -> transitions.succeed(transfer, MADE),
                "fail", transfer -> transitions.fail(transfer, REFUSED));
        List<String> wrong = new ArrayList<>();
        for (var event : events.entrySet()) {
            for (TransferStatus from : TransferStatus.values()) {
                Transfer transfer = record(from);
                boolean happened = event.getValue().apply(transfer).await().indefinitely();
                TransferStatus expected = ALLOWED.get(event.getKey()).getOrDefault(from, from);
                Row row = row(transfer);
                TransferStatus status = TransferStatus.valueOf(row.getString("status"));
                JsonObject result = row.getJsonObject("result");
                boolean shouldHappen = expected != from;
                JsonObject expectedResult = !shouldHappen ? original(from)
                        : event.getKey().equals("succeed") ? MADE : REFUSED;
                if (status != expected || happened != shouldHappen || !Objects.equals(result, expectedResult)) {
                    wrong.add(event.getKey() + " from " + from + ": " + status + " " + result + ", happened "
                            + happened + " (expected " + expected + " " + expectedResult + ", " + shouldHappen + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFinishedTransferKeepsItsFirstAnswer() {
        Transfer transfer = record(PENDING);
        assertThat(transitions.fail(transfer, REFUSED).await().indefinitely()).isTrue();
        assertThat(transitions.succeed(transfer, MADE).await().indefinitely()).isFalse();
        Transfer recorded = store.find(transfer.masterId(), transfer.transId()).await().indefinitely();
        assertThat(recorded.status()).isEqualTo(FAILED);
        assertThat(recorded.result()).isEqualTo(REFUSED);
    }

    /** A coupon transfer in this status; a finished one with an answer of its own. */
    private Transfer record(TransferStatus status) {
        String master = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String transId = UUID.randomUUID().toString();
        JsonObject request = new JsonObject().put("coupon_id", "c0").put("amount", "1.00");
        TransferIntent intent = new TransferIntent(transId, TransferKind.COUPON_ALLOCATE, "s1", request);
        pool.preparedQuery("""
                        INSERT INTO transfer (master_customer_id, trans_id, kind, sub_customer_id, request,
                                              request_hash, status, result, next_attempt_at, created_at, finished_at)
                        VALUES ($1, $2, 'COUPON_ALLOCATE', 's1', $3, $4, $5, $6, now(), now(),
                                CASE WHEN $6::jsonb IS NULL THEN NULL ELSE now() END)""")
                .execute(Tuple.of(master, transId, request, intent.hash(), status.name(), original(status)))
                .await().indefinitely();
        return store.find(master, transId).await().indefinitely();
    }

    private static JsonObject original(TransferStatus status) {
        return switch (status) {
            case PENDING -> null;
            case SUCCEEDED -> new JsonObject().put("sub_coupon_id", "c-first");
            case FAILED -> new JsonObject().put("error_code", "CBC.7004").put("error_msg", "first refusal");
        };
    }

    private Row row(Transfer transfer) {
        return pool.preparedQuery("SELECT * FROM transfer WHERE master_customer_id = $1 AND trans_id = $2")
                .execute(Tuple.of(transfer.masterId(), transfer.transId())).await().indefinitely().iterator().next();
    }
}
