package io.openbss.enterprise.subcustomers;

import static io.openbss.enterprise.subcustomers.CreationStatus.DONE;
import static io.openbss.enterprise.subcustomers.CreationStatus.FAILED;
import static io.openbss.enterprise.subcustomers.CreationStatus.PENDING;
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
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every event of a sub-account creation tried from every status, against the database. The allowed moves are the
 * business's, written out here (a creation recorded before the account is made ends once: done when every step is
 * made, failed when one is refused), not read from the state machine.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class CreationTransitionsTest {

    static final Map<String, Map<CreationStatus, CreationStatus>> ALLOWED = Map.of(
            "done", Map.of(PENDING, DONE),
            "fail", Map.of(PENDING, FAILED));

    @Inject
    Pool pool;

    @Inject
    CreationTransitions transitions;

    @Test
    void everyEventMovesOnlyFromTheStatusesItLeaves() {
        Map<String, Function<String, Uni<Boolean>>> events = Map.of(
                "done", transitions::done,
                "fail", id -> transitions.fail(id, new JsonObject().put("error_code", "CBC.99000031")));
        List<String> wrong = new ArrayList<>();
        for (var event : events.entrySet()) {
            for (CreationStatus from : CreationStatus.values()) {
                String creationId = record(from);
                boolean happened = event.getValue().apply(creationId).await().indefinitely();
                CreationStatus expected = ALLOWED.get(event.getKey()).getOrDefault(from, from);
                CreationStatus status = status(creationId);
                if (status != expected || happened != (expected != from)) {
                    wrong.add(event.getKey() + " from " + from + ": " + status + ", happened " + happened);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A creation in this status, for a unit of a master of its own. */
    private String record(CreationStatus status) {
        String master = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String unit = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String creationId = UUID.randomUUID().toString();
        pool.preparedQuery("""
                        INSERT INTO organization (org_id, master_customer_id, name, created_at)
                        VALUES ($1, $2, 'unit', now())""")
                .execute(Tuple.of(unit, master)).await().indefinitely();
        pool.preparedQuery("""
                        INSERT INTO sub_account_creation (creation_id, master_customer_id, account_name, org_id,
                            financial_custody, permission_ids, use_master_phone, status, next_attempt_at, created_at)
                        VALUES ($1, $2, 'sub', $3, false, '{}', true, $4, now(), now())""")
                .execute(Tuple.of(creationId, master, unit, status.name())).await().indefinitely();
        return creationId;
    }

    private CreationStatus status(String creationId) {
        return CreationStatus.valueOf(pool.preparedQuery(
                        "SELECT status FROM sub_account_creation WHERE creation_id = $1")
                .execute(Tuple.of(creationId)).await().indefinitely().iterator().next().getString(0));
    }
}
