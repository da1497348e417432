package io.openbss.enterprise.subcustomers;

import static io.openbss.enterprise.subcustomers.SubCustomersResourceTest.associate;
import static io.openbss.enterprise.subcustomers.SubCustomersResourceTest.id;
import static io.openbss.enterprise.subcustomers.SubCustomersResourceTest.organization;
import static io.openbss.enterprise.subcustomers.SubCustomersResourceTest.token;
import static io.openbss.enterprise.subcustomers.SubCustomersResourceTest.unitId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.openbss.billing.client.testing.FakeBilling;
import io.openbss.common.identity.CallerKind;
import io.openbss.enterprise.FakeGateway;
import io.openbss.testing.PostgresResource;
import io.openbss.testing.ProductionSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The training run of enterprise-service's AOT cache ({@code -Paot}, see the parent pom): the packaged service
 * starts in the prod profile against PostgreSQL and serves what follows every start (health, an operator making an
 * organization and associating sub-accounts, the master listing them), billing and the gateway being
 * {@link FakeBilling} and {@link FakeGateway}, so that the cache holds the request path as well as the start. Not run
 * by the default build.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(ProductionSecrets.class)
@QuarkusTestResource(FakeBilling.class)
@QuarkusTestResource(FakeGateway.class)
class AotTrainingIT {

    @Test
    void startsAndServesOrganizationsAndSubCustomers() {
        given().get("/q/health/ready").then().statusCode(200);
        String master = id("m");
        String unit = unitId();
        organization(master, unit, "Research", null).statusCode(200);
        associate(master, id("s1"), "dev-team", "Development", unit).statusCode(200);
        associate(master, id("s2"), "ops-team", "Operations", null).statusCode(200);
        given().header("Authorization", token(master, CallerKind.ENTERPRISE_MASTER))
                .get(SubCustomersResourceTest.PATH).then().statusCode(200).body("total_count", equalTo(2));
    }
}
