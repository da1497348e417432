package io.openbss.enterprise.transfers;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorBody;
import io.openbss.common.identity.CallerIdentity;
import io.openbss.common.remote.Refusal;
import io.openbss.enterprise.EnterpriseError;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Transfers exactly once per master and trans_id. The transfer is recorded before the ledger is called; the
 * ledger is called with a key derived from both; its final answer (success or refusal) is recorded and given to
 * every repetition. When the ledger's answer is unknown (timeout, outage), the transfer stays pending, repetitions
 * answer CBC.99007461, and {@link TransferReconciler} finishes it.
 */
@ApplicationScoped
public class TransferService {

    private static final Logger LOG = Logger.getLogger(TransferService.class);

    @Inject
    TransferStore store;

    @Inject
    TransferTransitions transitions;

    @Inject
    LedgerMovement ledger;

    /**
     * The one shape of the four transfer operations: only an enterprise master sends them, with a body, and each
     * moves once per trans_id.
     */
    public <R> Uni<Map<String, Object>> fromMaster(CallerIdentity master, R request,
            Function<R, TransferIntent> intent) {
        master.requireEnterpriseMaster();
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        return transfer(master.customerId(), intent.apply(request));
    }

    private Uni<Map<String, Object>> transfer(String masterId, TransferIntent intent) {
        return store.record(masterId, intent)
                .flatMap(recorded -> recorded.now() ? attempt(recorded.transfer())
                        : Uni.createFrom().item(answer(recorded.transfer(), intent)))
                .map(JsonObject::getMap);
    }

    /**
     * One attempt at the ledger; the transfer is finished unless the outcome is unknown. Answers the transfer as
     * finished: with this attempt's answer, or the one recorded first by another.
     */
    Uni<Transfer> finish(Transfer transfer) {
        return ledger.make(transfer)
                .flatMap(body -> transitions.succeed(transfer, body)
                        .flatMap(done -> recorded(done, transfer.finished(TransferStatus.SUCCEEDED, body))))
                .onFailure(Refusal.class).recoverWithUni(refusal -> {
                    JsonObject error = JsonObject.mapFrom(((Refusal) refusal).body());
                    return transitions.fail(transfer, error)
                            .flatMap(done -> recorded(done, transfer.finished(TransferStatus.FAILED, error)));
                });
    }

    private Uni<Transfer> recorded(boolean byThisAttempt, Transfer finished) {
        return byThisAttempt ? Uni.createFrom().item(finished) : store.find(finished.masterId(), finished.transId());
    }

    private Uni<JsonObject> attempt(Transfer transfer) {
        return finish(transfer).map(finished -> answer(finished, null))
                .onFailure(failure -> !(failure instanceof BssException)).transform(failure -> {
                    LOG.warnf("transfer %s of %s left pending for the reconciler: %s", transfer.transId(),
                            transfer.masterId(), failure.toString());
                    return inProgress(transfer);
                });
    }

    /** The recorded answer to a transfer; {@code repeated} is the request that repeats its trans_id, if any. */
    private static JsonObject answer(Transfer transfer, TransferIntent repeated) {
        if (repeated != null && !transfer.requestHash().equals(repeated.hash())) {
            throw BssException.badParameter("trans_id", "was already used for a different transfer");
        }
        return switch (transfer.status()) {
            case SUCCEEDED -> transfer.result();
            case FAILED -> {
                throw new Refusal(transfer.result().mapTo(ErrorBody.class)).toBssException();
            }
            default -> throw inProgress(transfer);
        };
    }

    private static BssException inProgress(Transfer transfer) {
        return new BssException(EnterpriseError.TRANSFER_IN_PROGRESS, "The transfer with trans_id " + transfer.transId()
                + " is in progress; send it again with the same trans_id for its result");
    }
}
