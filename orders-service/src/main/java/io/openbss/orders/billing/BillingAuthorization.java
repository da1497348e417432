package io.openbss.orders.billing;

import io.openbss.common.remote.ServiceAuthorization;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BillingAuthorization extends ServiceAuthorization {

    public BillingAuthorization() {
        super("billing-service");
    }
}
