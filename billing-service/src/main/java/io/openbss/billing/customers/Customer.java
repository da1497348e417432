package io.openbss.billing.customers;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** A customer account known to billing (a row of {@code customer}): the owner of ledger accounts, bills and coupons. */
public final class Customer {

    private Customer() {
    }

    /** Fails with 400 unless {@code customerId} is registered with billing. */
    public static Uni<Void> requireRegistered(SqlClient client, String customerId) {
        return client.preparedQuery("SELECT 1 FROM customer WHERE customer_id = $1").execute(Tuple.of(customerId))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER,
                                "Customer " + customerId + " is not registered with billing");
                    }
                }).replaceWithVoid();
    }
}
