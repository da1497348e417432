package io.openbss.orders.renewconfig;

import io.openbss.orders.OrderError;
import static io.openbss.common.time.BssTime.utc;

import static io.openbss.orders.renewconfig.ExpiryPolicyStore.AUTO_RENEW;
import static io.openbss.orders.renewconfig.ExpiryPolicyStore.GRACE;

import io.openbss.common.error.BssException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Turns auto-renewal of a main resource, and with it of its subordinates, on (AutoRenewalResources) and off
 * (CancelAutoRenewalResources). Turning it on replaces any other expiry policy (to pay-per-use included); turning
 * it off leaves a resource without auto-renewal as it is.
 */
@ApplicationScoped
public class AutoRenewal {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public Uni<Void> turnOn(String callerId, String resourceId, AutoRenewalRequest request) {
        return pool.withTransaction(connection -> ExpiryPolicyStore.lock(connection, List.of(resourceId))
                .flatMap(held -> {
                    ExpiryPolicyStore.Held main = held.get(resourceId);
                    BssException refusal = ExpiryPolicyStore.refusal(resourceId, main, callerId, false);
                    if (refusal == null && main.status() != ExpiryPolicyStore.IN_USE) {
                        // seed text: auto-renewal is not supported for expired or frozen resources (renew them)
                        refusal = new BssException(OrderError.AUTO_RENEW_NOT_SUPPORTED, "Resource " + resourceId
                                + " is expired or frozen: renew it instead of setting auto-renewal");
                    }
                    if (refusal != null) {
                        return Uni.createFrom().failure(refusal);
                    }
                    return ExpiryPolicyStore.apply(connection, List.of(resourceId), AUTO_RENEW,
                            renewalsLeft(main, request.autoRenewTimes()), null, now());
                }));
    }

    public Uni<Void> turnOff(String callerId, String resourceId) {
        return pool.withTransaction(connection -> ExpiryPolicyStore.lock(connection, List.of(resourceId))
                .flatMap(held -> {
                    BssException refusal = ExpiryPolicyStore.refusal(resourceId, held.get(resourceId), callerId,
                            false);
                    if (refusal != null) {
                        return Uni.createFrom().failure(refusal);
                    }
                    return ExpiryPolicyStore.apply(connection, List.of(resourceId), GRACE, null, AUTO_RENEW, now());
                }));
    }

    /** Null is unlimited: 0 asks for that, and so does no count unless auto-renewal is on already. */
    private static Integer renewalsLeft(ExpiryPolicyStore.Held main, Integer times) {
        if (times != null) {
            return times == 0 ? null : times;
        }
        return main.expirePolicy() == AUTO_RENEW ? main.autoRenewLeft() : null;
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
