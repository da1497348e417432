package io.openbss.enterprise.subcustomers;

import io.openbss.common.error.BssException;
import io.openbss.enterprise.EnterpriseError;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which sub-accounts a master may move funds and coupons to and from: its own, active, financially independent
 * ones. A sub-account in financial custody spends its master's funds directly, so nothing is allocated to it.
 */
@ApplicationScoped
public class SubAccountAccess {

    public static final int ACTIVE = 1;

    @Inject
    Pool pool;

    /**
     * The rule for a fund or coupon transfer between a master and a sub-account, given the sub-account's
     * {@code status} and {@code custody} as associated with that master (both null when it is not the master's).
     * The transfers read them in the statement that records the transfer ({@code TransferStore}).
     */
    public static void requireFundsTransferable(String subId, Integer status, Boolean custody) {
        if (status == null) {
            throw new BssException(EnterpriseError.CONDITIONS_NOT_MET, "The master account is not associated"
                    + " with sub-account " + subId + ": nothing can be transferred to or from it");
        }
        if (status != ACTIVE) {
            throw new BssException(EnterpriseError.TRANSFER_FAILED, "Sub-account " + subId + " is not active");
        }
        if (custody) {
            throw new BssException(EnterpriseError.TRANSFER_FAILED, "Sub-account " + subId
                    + " is in financial custody: it spends its master's funds, nothing is transferred");
        }
    }

    /** For queries of a sub-account's funds and coupons: the sub-account must be the master's. */
    public Uni<Void> requireAssociated(String masterId, String subId) {
        return pool.preparedQuery("SELECT 1 FROM sub_customer WHERE sub_customer_id = $1 AND master_customer_id = $2")
                .execute(Tuple.of(subId, masterId)).invoke(rows -> {
                    if (rows.size() == 0) {
                        throw new BssException(EnterpriseError.CONDITIONS_NOT_MET,
                                "The master account is not associated with sub-account " + subId);
                    }
                }).replaceWithVoid();
    }
}
