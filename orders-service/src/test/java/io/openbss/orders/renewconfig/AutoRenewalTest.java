package io.openbss.orders.renewconfig;

import static io.openbss.orders.renewconfig.Subscriptions.autoRenew;
import static io.openbss.orders.renewconfig.Subscriptions.cancelAutoRenew;
import static io.openbss.orders.renewconfig.Subscriptions.paidServer;
import static io.openbss.orders.renewconfig.Subscriptions.policy;
import static io.openbss.orders.renewconfig.Subscriptions.renewalsLeft;
import static io.openbss.orders.renewconfig.Subscriptions.setPolicy;
import static io.openbss.orders.renewconfig.Subscriptions.setStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.orders.OrderFixtures;
import io.openbss.testing.InternalKeys;
import io.openbss.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(InternalKeys.class)
@QuarkusTestResource(FakeBilling.class)
class AutoRenewalTest {

    @Inject
    Pool pool;

    String customer;
    Subscriptions.Server server;

    @BeforeEach
    void aPaidServerWithItsDisk() {
        customer = OrderFixtures.newCustomer();
        server = paidServer(customer);
    }

    @Test
    void autoRenewalWithoutACountRenewsTheServerAndItsDiskWithoutLimit() {
        assertThat(policy(pool, server.main())).isZero();
        autoRenew(customer, server.main(), null).statusCode(200).body("$", anEmptyMap());
        for (String id : new String[] {server.main(), server.disk()}) {
            assertThat(policy(pool, id)).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
            assertThat(renewalsLeft(pool, id)).isNull();
        }
    }

    @Test
    void anEmptyJsonBodyGivesNoCountEither() {
        autoRenew(customer, server.main(), Map.of("auto_renew_times", 6)).statusCode(200);
        Subscriptions.as(customer).contentType(ContentType.JSON).body("")
                .post(Subscriptions.BASE + "/autorenew/{id}", server.main()).then().statusCode(200);
        Subscriptions.as(customer).contentType(ContentType.JSON).body("null")
                .post(Subscriptions.BASE + "/autorenew/{id}", server.main()).then().statusCode(200);
        assertThat(renewalsLeft(pool, server.disk())).isEqualTo(6);
        assertThat(policy(pool, server.disk())).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
    }

    @Test
    void aCountLimitsTheRenewalsAndStaysUntilAnotherIsGiven() {
        autoRenew(customer, server.main(), Map.of("auto_renew_times", 5)).statusCode(200);
        assertThat(renewalsLeft(pool, server.main())).isEqualTo(5);
        assertThat(renewalsLeft(pool, server.disk())).isEqualTo(5);
        autoRenew(customer, server.main(), Map.of()).statusCode(200);
        assertThat(renewalsLeft(pool, server.main())).isEqualTo(5);
        assertThat(renewalsLeft(pool, server.disk())).isEqualTo(5);
        autoRenew(customer, server.main(), Map.of("auto_renew_times", 99)).statusCode(200);
        assertThat(renewalsLeft(pool, server.disk())).isEqualTo(99);
        autoRenew(customer, server.main(), Map.of("auto_renew_times", 0)).statusCode(200);
        assertThat(renewalsLeft(pool, server.main())).isNull();
        assertThat(renewalsLeft(pool, server.disk())).isNull();
        assertThat(policy(pool, server.disk())).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
    }

    @Test
    void turningAutoRenewalOnReplacesTheChangeToPayPerUse() {
        setPolicy(pool, server.main(), ExpiryPolicyStore.TO_ON_DEMAND, null);
        setPolicy(pool, server.disk(), ExpiryPolicyStore.TO_ON_DEMAND, null);
        autoRenew(customer, server.main(), Map.of("auto_renew_times", 2)).statusCode(200);
        assertThat(policy(pool, server.main())).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
        assertThat(policy(pool, server.disk())).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
        assertThat(renewalsLeft(pool, server.main())).isEqualTo(2);
    }

    @Test
    void aCountGivenAfterASpentLimitStartsAgainButNoCountOnAResourceWithoutAutoRenewalIsUnlimited() {
        // a former limit left over in the row does not carry into a new auto-renewal
        setPolicy(pool, server.main(), ExpiryPolicyStore.GRACE, 3);
        autoRenew(customer, server.main(), null).statusCode(200);
        assertThat(renewalsLeft(pool, server.main())).isNull();
    }

    @Test
    void onlyAMainResourceIsSetAndItsSubordinateFollowsIt() {
        autoRenew(customer, server.disk(), Map.of("auto_renew_times", 1)).statusCode(400)
                .body("error_code", equalTo("CBC.30010036")).body("error_msg", containsString(server.main()));
        assertThat(policy(pool, server.disk())).isZero();
        assertThat(policy(pool, server.main())).isZero();
        autoRenew(customer, server.main(), null).statusCode(200);
        cancelAutoRenew(customer, server.disk()).statusCode(400).body("error_code", equalTo("CBC.30010036"));
        assertThat(policy(pool, server.disk())).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
    }

    @Test
    void anotherCustomersResourceIsRefused() {
        String other = OrderFixtures.newCustomer();
        autoRenew(other, server.main(), null).statusCode(403).body("error_code", equalTo("CBC.0150"));
        assertThat(policy(pool, server.main())).isZero();
        autoRenew(customer, server.main(), null).statusCode(200);
        cancelAutoRenew(other, server.main()).statusCode(403).body("error_code", equalTo("CBC.0150"));
        assertThat(policy(pool, server.main())).isEqualTo(ExpiryPolicyStore.AUTO_RENEW);
    }

    @Test
    void anUnknownOrDeletedResourceIsNotFound() {
        autoRenew(customer, "no-such-resource", null).statusCode(400).body("error_code", equalTo("CBC.99003016"));
        cancelAutoRenew(customer, "no-such-resource").statusCode(400).body("error_code", equalTo("CBC.99003016"));
        setStatus(pool, server.main(), 3);
        autoRenew(customer, server.main(), null).statusCode(400).body("error_code", equalTo("CBC.99003016"));
        cancelAutoRenew(customer, server.main()).statusCode(400).body("error_code", equalTo("CBC.99003016"));
        assertThat(policy(pool, server.main())).isZero();
        assertThat(policy(pool, server.disk())).isZero();
    }

    @Test
    void anExpiredOrFrozenResourceIsRenewedRatherThanSetToAutoRenew() {
        for (int status : new int[] {4, 5}) {
            setStatus(pool, server.main(), status);
            autoRenew(customer, server.main(), null).statusCode(400).body("error_code", equalTo("CBC.99003602"));
            assertThat(policy(pool, server.main())).isZero();
        }
    }

    @Test
    void aDeletedSubordinateIsLeftAsItIs() {
        setStatus(pool, server.disk(), 3);
        autoRenew(customer, server.main(), null).statusCode(200);
        assertThat(policy(pool, server.disk())).isZero();
    }

    @Test
    void cancellingEndsAutoRenewalOfTheServerAndItsDiskAndMayBeRepeated() {
        autoRenew(customer, server.main(), Map.of("auto_renew_times", 4)).statusCode(200);
        cancelAutoRenew(customer, server.main()).statusCode(200).body("$", anEmptyMap());
        for (String id : new String[] {server.main(), server.disk()}) {
            assertThat(policy(pool, id)).isEqualTo(ExpiryPolicyStore.GRACE);
            assertThat(renewalsLeft(pool, id)).isNull();
        }
        cancelAutoRenew(customer, server.main()).statusCode(200);
        assertThat(policy(pool, server.main())).isEqualTo(ExpiryPolicyStore.GRACE);
    }

    @Test
    void cancellingLeavesAnotherExpiryPolicyAlone() {
        setPolicy(pool, server.main(), ExpiryPolicyStore.TO_ON_DEMAND, null);
        setPolicy(pool, server.disk(), ExpiryPolicyStore.TO_ON_DEMAND, null);
        cancelAutoRenew(customer, server.main()).statusCode(200);
        assertThat(policy(pool, server.main())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
        assertThat(policy(pool, server.disk())).isEqualTo(ExpiryPolicyStore.TO_ON_DEMAND);
    }

    @Test
    void badInputNamesTheParameterAndChangesNothing() {
        for (Object times : new Object[] {100, -1, "abc", true, Map.of("n", 1)}) {
            autoRenew(customer, server.main(), Map.of("auto_renew_times", times)).statusCode(400)
                    .body("error_code", equalTo("CBC.0100")).body("error_msg", containsString("auto_renew_times"));
        }
        autoRenew(customer, "r".repeat(65), null).statusCode(400).body("error_code", equalTo("CBC.0100"))
                .body("error_msg", containsString("resource_id"));
        Subscriptions.as(customer).contentType(ContentType.JSON).body("{not json")
                .post(Subscriptions.BASE + "/autorenew/{id}", server.main()).then().statusCode(400)
                .body("error_code", equalTo("CBC.0100"));
        assertThat(policy(pool, server.main())).isZero();
    }
}
