package io.openbss.orders.renewconfig;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * A customer's renewal settings (SetResourcesRenewConfig): how many days before expiry auto-renewal charges, and
 * the day of the month renewed resources expire on. Each setting is kept until it is set again.
 */
@ApplicationScoped
public class RenewSettings {

    /** Auto-renewal charges this many days before expiry unless the customer chose otherwise. */
    public static final int DEFAULT_DEDUCTION_DAYS = 7;

    /** The day of the month for renewals to end on: null for none, -1 for the month's last day. */
    public record Settings(int deductionDays, Integer unifiedExpireDay) {
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public Uni<Settings> of(String customerId) {
        return of(pool, customerId);
    }

    /** The settings read through a given client, e.g. a connection in a transaction. */
    public Uni<Settings> of(SqlClient client, String customerId) {
        return client.preparedQuery("SELECT deduction_days, unified_expire_day FROM renew_config WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).map(rows -> {
                    if (rows.size() == 0) {
                        return new Settings(DEFAULT_DEDUCTION_DAYS, null);
                    }
                    var row = rows.iterator().next();
                    Integer days = row.getInteger("deduction_days");
                    return new Settings(days == null ? DEFAULT_DEDUCTION_DAYS : days,
                            row.getInteger("unified_expire_day"));
                });
    }

    public Uni<Void> set(String customerId, RenewConfigRequest.Setting setting) {
        // the column comes from the setting's kind, never from the request's text
        String column = setting.deductionDate() ? "deduction_days" : "unified_expire_day";
        return pool.preparedQuery("INSERT INTO renew_config (customer_id, " + column + ", update_time) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (customer_id) DO UPDATE SET " + column + " = EXCLUDED."
                        + column + ", update_time = EXCLUDED.update_time")
                .execute(Tuple.of(customerId, setting.value(), utc(clock.instant())))
                .replaceWithVoid();
    }
}
