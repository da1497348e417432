package io.openbss.orders.resources;

import static io.openbss.orders.resources.ResourceStatus.DELETED;
import static io.openbss.orders.resources.ResourceStatus.EXPIRED;
import static io.openbss.orders.resources.ResourceStatus.FROZEN;
import static io.openbss.orders.resources.ResourceStatus.IN_USE;
import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.orders.StateRows;
import io.openbss.orders.orders.OrderStatus;
import io.openbss.orders.orders.OrderType;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every event of a yearly/monthly resource tried from every status (expiry under every expire policy), against the
 * database. The allowed moves are the business's, written out here from OrderInstanceV2's codes and seed 000: a
 * resource in use expires into its retention period (grace, an auto-renewal not made in time, deletion from
 * retention), is deleted (to pay-per-use, deletion at expiry) or frozen; the retention period ends in deletion; a
 * paid renewal brings any resource not deleted back into use; unsubscribing deletes any resource not deleted yet.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class ResourceTransitionsTest {

    /** expire_policy → the status a resource in use has after its expiry. */
    static final Map<Integer, ResourceStatus> AT_EXPIRY = Map.of(0, EXPIRED, 1, DELETED, 2, DELETED, 3, EXPIRED,
            4, FROZEN, 5, EXPIRED);

    static final Map<ResourceStatus, ResourceStatus> RENEWED = Map.of(IN_USE, IN_USE, FROZEN, IN_USE,
            EXPIRED, IN_USE);
    static final Map<ResourceStatus, ResourceStatus> RETENTION_ENDED = Map.of(EXPIRED, DELETED);
    static final Map<ResourceStatus, ResourceStatus> UNSUBSCRIBED = Map.of(IN_USE, DELETED, FROZEN, DELETED,
            EXPIRED, DELETED);

    @Inject
    Pool pool;

    @Inject
    ResourceTransitions transitions;

    @Test
    void everyEventMovesOnlyFromTheStatusesItLeaves() {
        Map<String, Map<ResourceStatus, ResourceStatus>> allowed = new LinkedHashMap<>();
        Map<String, Function<String, Uni<Integer>>> events = new LinkedHashMap<>();
        allowed.put("renew", RENEWED);
        events.put("renew", id -> pool.withTransaction(c -> transitions.renew(c, List.of(
                new ResourceTransitions.Renewal(id, StateRows.EXPIRE.plusMonths(1), 1)), StateRows.LATER)));
        allowed.put("endRetention", RETENTION_ENDED);
        events.put("endRetention", id -> transitions.endRetention(StateRows.LATER));
        allowed.put("unsubscribe", UNSUBSCRIBED);
        events.put("unsubscribe", id -> pool.withTransaction(c -> transitions.unsubscribe(c, new String[] {id},
                StateRows.LATER)));
        events.put("expire", id -> transitions.expire(StateRows.LATER, Duration.ofDays(15)));

        List<String> wrong = new ArrayList<>();
        for (var event : events.entrySet()) {
            for (int policy = 0; policy <= 5; policy++) {
                if (!event.getKey().equals("expire") && policy > 0) {
                    continue;
                }
                Map<ResourceStatus, ResourceStatus> moves = event.getKey().equals("expire")
                        ? Map.of(IN_USE, AT_EXPIRY.get(policy)) : allowed.get(event.getKey());
                for (ResourceStatus from : ResourceStatus.values()) {
                    String customer = OrderFixtures.newCustomer();
                    String order = StateRows.order(pool, customer, OrderStatus.COMPLETED, OrderType.NEW_PURCHASE);
                    String resource = StateRows.resource(pool, order, customer, from, policy);
                    int moved = event.getValue().apply(resource).await().indefinitely();
                    ResourceStatus expected = moves.getOrDefault(from, from);
                    int status = StateRows.resourceStatus(pool, resource);
                    int expectedMoves = moves.containsKey(from) ? 1 : 0;
                    if (status != expected.code() || moved != expectedMoves) {
                        wrong.add(event.getKey() + " (policy " + policy + ") from " + from + ": status " + status
                                + ", moved " + moved + " (expected " + expected + ", " + expectedMoves + ")");
                    }
                    StateRows.drop(pool, order);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aResourceInItsRetentionPeriodKeepsItsEndAndOthersHaveNone() {
        String customer = OrderFixtures.newCustomer();
        String order = StateRows.order(pool, customer, OrderStatus.COMPLETED, OrderType.NEW_PURCHASE);
        String retained = StateRows.resource(pool, order, customer, IN_USE, ExpirePolicy.GRACE.code());
        String frozen = StateRows.resource(pool, order, customer, IN_USE, ExpirePolicy.FREEZE.code());
        assertThat(transitions.expire(StateRows.LATER, Duration.ofDays(15)).await().indefinitely()).isEqualTo(2);
        assertThat(retentionEnd(retained)).isEqualTo(StateRows.EXPIRE.plusDays(15).toInstant());
        assertThat(retentionEnd(frozen)).isNull();
        StateRows.drop(pool, order);
    }

    private Instant retentionEnd(String resourceId) {
        OffsetDateTime end = pool.preparedQuery("SELECT retention_end_time FROM subscription WHERE resource_id = $1")
                .execute(Tuple.of(resourceId)).await().indefinitely().iterator().next().getOffsetDateTime(0);
        return end == null ? null : end.toInstant();
    }
}
