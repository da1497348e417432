package io.openbss.billing.ledger;

import io.openbss.billing.BillingError;
import io.openbss.common.error.BssException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * Runs ledger work in one database transaction and turns the database's refusal of a negative balance into
 * CBC.99005003; refusals are counted by code. Posting relies on {@code ON CONFLICT}, {@code RETURNING}, row locks and
 * the name of the constraint that failed.
 */
@ApplicationScoped
public class LedgerService {

    static final String NEVER_NEGATIVE = "customer_value_never_negative";

    @Inject
    Pool pool;

    @Inject
    LedgerMeters meters;

    public <T> Uni<T> transaction(Function<SqlConnection, Uni<T>> work) {
        return refusals(pool.withTransaction(work));
    }

    /**
     * Ledger work whose writes are one statement, committed on its own (without BEGIN and COMMIT round trips); its
     * refusals as in {@link #transaction}.
     */
    public <T> Uni<T> statement(Function<SqlClient, Uni<T>> work) {
        return refusals(Uni.createFrom().deferred(() -> work.apply(pool)));
    }

    private <T> Uni<T> refusals(Uni<T> work) {
        return work.onFailure(LedgerService::isNegativeBalance)
                .transform(e -> new BssException(BillingError.INSUFFICIENT_BALANCE, "Insufficient balance"))
                .onFailure(BssException.class).invoke(e -> meters.refused(((BssException) e).code()));
    }

    static boolean isNegativeBalance(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && NEVER_NEGATIVE.equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }
}
