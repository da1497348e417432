package io.openbss.orders.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.orders.orders.OrderIds;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two orders of one minute can draw the same random id: the second gets another, and the first stays as it was. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class OrderIdCollisionTest {

    @Inject
    Pool pool;

    @Test
    void anOrderWhoseIdIsTakenDrawsAnotherOne() {
        String firstCustomer = OrderFixtures.newCustomer();
        String taken = OrderFixtures.serverWithDisk(firstCustomer).getString("order_id");
        AtomicInteger drawn = new AtomicInteger();
        QuarkusMock.installMockForType(new OrderIds() {
            @Override
            public String next(Instant now) {
                return drawn.getAndIncrement() == 0 ? taken : super.next(now);
            }
        }, OrderIds.class);

        String secondCustomer = OrderFixtures.newCustomer();
        String second = OrderFixtures.serverWithDisk(secondCustomer).getString("order_id");

        assertThat(drawn).hasValue(2);
        assertThat(second).isNotEqualTo(taken).startsWith("CS").hasSize(taken.length());
        assertThat(customerOf(taken)).isEqualTo(firstCustomer);
        assertThat(customerOf(second)).isEqualTo(secondCustomer);
        assertThat(lines(taken)).isEqualTo(2);
        assertThat(lines(second)).isEqualTo(2);
    }

    private String customerOf(String orderId) {
        return pool.preparedQuery("SELECT customer_id FROM customer_order WHERE order_id = $1")
                .execute(Tuple.of(orderId)).await().indefinitely().iterator().next().getString("customer_id");
    }

    private long lines(String orderId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM order_line WHERE order_id = $1")
                .execute(Tuple.of(orderId)).await().indefinitely().iterator().next().getLong("n");
    }
}
