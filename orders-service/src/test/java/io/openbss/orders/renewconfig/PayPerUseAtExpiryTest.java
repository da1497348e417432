package io.openbss.orders.renewconfig;

import static io.openbss.orders.renewconfig.Subscriptions.autoRenew;
import static io.openbss.orders.renewconfig.Subscriptions.paidServer;
import static io.openbss.orders.renewconfig.Subscriptions.policy;
import static io.openbss.orders.renewconfig.Subscriptions.renewalsLeft;
import static io.openbss.orders.renewconfig.Subscriptions.setStatus;
import static io.openbss.orders.renewconfig.Subscriptions.toOnDemand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class PayPerUseAtExpiryTest {

    @Inject
    Pool pool;

    String customer;
    Subscriptions.Server first;
    Subscriptions.Server second;

    @BeforeEach
    void twoPaidServersWithTheirDisks() {
        customer = OrderFixtures.newCustomer();
        first = paidServer(customer);
        second = paidServer(customer);
    }

    @Test
    void settingUpChangesTheServersAndTheirDisksAtExpiryAndCancellingUndoesIt() {
        toOnDemand(customer, body("SET_UP", first.main(), second.main())).statusCode(200)
                .body("error_details", empty());
        for (String id : ids(first, second)) {
            assertThat(policy(pool, id)).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
        }
        toOnDemand(customer, body("CANCEL", first.main())).statusCode(200).body("error_details", empty());
        assertThat(policy(pool, first.main())).isEqualTo(ExpiryPolicyStore.GRACE);
        assertThat(policy(pool, first.disk())).isEqualTo(ExpiryPolicyStore.GRACE);
        assertThat(policy(pool, second.main())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
        assertThat(policy(pool, second.disk())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
    }

    @Test
    void settingUpReplacesAutoRenewalAndCancellingLeavesAutoRenewalAlone() {
        autoRenew(customer, first.main(), Map.of("auto_renew_times", 3)).statusCode(200);
        autoRenew(customer, second.main(), null).statusCode(200);
        toOnDemand(customer, body("SET_UP", first.main())).statusCode(200);
        assertThat(policy(pool, first.main())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
        assertThat(policy(pool, first.disk())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
        assertThat(renewalsLeft(pool, first.main())).isNull();
        assertThat(renewalsLeft(pool, first.disk())).isNull();
        toOnDemand(customer, body("CANCEL", second.main())).statusCode(200).body("error_details", empty());
        assertThat(policy(pool, second.main())).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
        assertThat(policy(pool, second.disk())).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
    }

    @Test
    void aSubordinateUnknownDeletedOrFrozenResourceFailsAloneAndTheOthersAreSet() {
        setStatus(pool, second.main(), 3);
        Subscriptions.Server third = paidServer(customer);
        setStatus(pool, third.main(), 4);
        toOnDemand(customer, body("SET_UP", first.main(), first.disk(), "no-such-resource", second.main(),
                third.main())).statusCode(200)
                .body("error_details", hasSize(4))
                .body("error_details.id", contains(first.disk(), "no-such-resource", second.main(), third.main()))
                .body("error_details.error_code", contains("CBC.30010036", "CBC.99003016", "CBC.99003016",
                        "CBC.0101"))
                .body("error_details[0].error_msg", containsString(first.main()));
        assertThat(policy(pool, first.main())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
        assertThat(policy(pool, first.disk())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
        assertThat(policy(pool, second.main())).isZero();
        assertThat(policy(pool, second.disk())).isZero();
        assertThat(policy(pool, third.main())).isZero();
        toOnDemand(customer, body("CANCEL", first.disk(), second.main(), third.main())).statusCode(200)
                .body("error_details.error_code", contains("CBC.30010036", "CBC.99003016"))
                .body("error_details.id", contains(first.disk(), second.main()));
        assertThat(policy(pool, first.disk())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
    }

    @Test
    void anExpiredResourceInItsRetentionPeriodMayBeSetUp() {
        setStatus(pool, first.main(), 5);
        toOnDemand(customer, body("SET_UP", first.main())).statusCode(200).body("error_details", empty());
        assertThat(policy(pool, first.main())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
    }

    @Test
    void anotherCustomersResourceRefusesTheWholeRequest() {
        String other = OrderFixtures.newCustomer();
        Subscriptions.Server theirs = paidServer(other);
        toOnDemand(customer, body("SET_UP", first.main(), theirs.main())).statusCode(403)
                .body("error_code", equalTo("CBC.0150")).body("error_msg", containsString(theirs.main()));
        assertThat(policy(pool, first.main())).isZero();
        assertThat(policy(pool, theirs.main())).isZero();
    }

    @Test
    void aRepeatedIdIsSetOnce() {
        toOnDemand(customer, body("SET_UP", first.main(), first.main())).statusCode(200)
                .body("error_details", empty());
        assertThat(policy(pool, first.disk())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
    }

    @Test
    void badInputNamesTheParameterAndChangesNothing() {
        for (Object operation : new Object[] {"ENABLE", "set_up", "", 1, List.of("SET_UP")}) {
            Map<String, Object> request = body("SET_UP", first.main());
            request.put("operation", operation);
            toOnDemand(customer, request).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("operation"));
        }
        toOnDemand(customer, Map.of("resource_ids", List.of(first.main()))).statusCode(400)
                .body("error_msg", containsString("operation"));
        List<String> tooMany = new ArrayList<>(IntStream.range(0, 100).mapToObj(i -> "r" + i).toList());
        tooMany.add(first.main());
        for (Object ids : new Object[] {List.of(), tooMany, first.main(), Map.of("id", first.main())}) {
            Map<String, Object> request = body("SET_UP");
            request.put("resource_ids", ids);
            toOnDemand(customer, request).statusCode(400).body("error_code", equalTo("CBC.0100"))
                    .body("error_msg", containsString("resource_ids"));
        }
        toOnDemand(customer, Map.of("operation", "SET_UP")).statusCode(400)
                .body("error_msg", containsString("resource_ids"));
        Map<String, Object> blank = body("SET_UP", first.main(), "");
        toOnDemand(customer, blank).statusCode(400).body("error_msg", containsString("resource_ids[1]"));
        Map<String, Object> tooLong = body("SET_UP", first.main(), "r".repeat(65));
        toOnDemand(customer, tooLong).statusCode(400).body("error_msg", containsString("resource_ids[1]"));
        assertThat(policy(pool, first.main())).isZero();
    }

    private static Map<String, Object> body(String operation, String... resourceIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("operation", operation);
        body.put("resource_ids", List.of(resourceIds));
        return body;
    }

    private static List<String> ids(Subscriptions.Server... servers) {
        List<String> ids = new ArrayList<>();
        for (Subscriptions.Server server : servers) {
            ids.add(server.main());
            ids.add(server.disk());
        }
        return ids;
    }
}
