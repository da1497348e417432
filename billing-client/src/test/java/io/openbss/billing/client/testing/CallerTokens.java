package io.openbss.billing.client.testing;

import io.openbss.common.identity.ServiceTokens;
import io.openbss.testing.InternalKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The billing client's tests call billing as orders-service does, signed with this run's key. */
@ApplicationScoped
class CallerTokens {

    @Produces
    @ApplicationScoped
    ServiceTokens serviceTokens() {
        return new ServiceTokens("orders-service", ServiceTokens.privateKey(Optional.of(InternalKeys.privateKeyPem()),
                Optional.empty(), "the test key"), Duration.ofMinutes(10), Clock.systemUTC());
    }
}
