package io.openbss.orders.renewconfig;

import static io.openbss.common.time.BssTime.utc;

import static io.openbss.orders.renewconfig.ExpiryPolicyStore.GRACE;
import static io.openbss.orders.renewconfig.ExpiryPolicyStore.TO_ON_DEMAND;

import io.openbss.common.error.BssException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * UpdatePeriodToOnDemand: main resources (with their subordinates) change to pay-per-use when they expire (SET_UP,
 * which replaces auto-renewal), or no longer do (CANCEL, which touches only resources set to change). A resource
 * that cannot be set is reported in the answer and the others are set; another customer's resource refuses the
 * whole request.
 */
@ApplicationScoped
public class PayPerUseAtExpiry {

    /** UpdatePeriodToOnDemandResponse of the SDK: the resources that failed, none when all succeeded. */
    public record Outcome(List<ErrorDetail> errorDetails) {
    }

    /** ErrorDetail of the SDK; {@code id} is the resource id. */
    public record ErrorDetail(String errorCode,
            String errorMsg, String id) {
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public Uni<Outcome> update(String callerId, PeriodToOnDemandRequest request) {
        List<String> ids = request.resourceIds().stream().distinct().toList();
        boolean setUp = request.setUp();
        return pool.withTransaction(connection -> ExpiryPolicyStore.lock(connection, ids).flatMap(held -> {
            for (String id : ids) {
                ExpiryPolicyStore.Held resource = held.get(id);
                if (resource != null && resource.isForeignTo(callerId)) {
                    return Uni.createFrom().failure(BssException.foreignObject("resource " + id));
                }
            }
            List<ErrorDetail> failed = new ArrayList<>();
            List<String> mains = new ArrayList<>();
            for (String id : ids) {
                BssException refusal = ExpiryPolicyStore.refusal(id, held.get(id), callerId, setUp);
                if (refusal == null) {
                    mains.add(id);
                } else {
                    failed.add(new ErrorDetail(refusal.code(), refusal.getMessage(), id));
                }
            }
            Uni<Void> applied = setUp
                    ? ExpiryPolicyStore.apply(connection, mains, TO_ON_DEMAND, null, null, now())
                    : ExpiryPolicyStore.apply(connection, mains, GRACE, null, TO_ON_DEMAND, now());
            return applied.replaceWith(new Outcome(failed));
        }));
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
