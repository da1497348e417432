package io.openbss.billing.client;

import io.openbss.common.remote.ServiceAuthorization;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every call to billing-service carries an internal token for it, signed as the calling service: the caller's
 * {@link io.openbss.common.identity.ServiceTokens} bean says who that is.
 */
@ApplicationScoped
class BillingAuthorization extends ServiceAuthorization {

    BillingAuthorization() {
        super("billing-service");
    }
}
