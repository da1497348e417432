package io.openbss.billing.associations;

import static io.openbss.common.time.BssTime.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;

/**
 * A sub-account's association with its enterprise master, as enterprise-service reports it (a row of
 * {@code enterprise_association}). {@code billsVisible}: the master may see this sub-account's bills (financial
 * custody, or a permission the sub-account granted).
 */
public record EnterpriseAssociation(String subCustomerId, String masterCustomerId, boolean billsVisible,
        boolean financialCustody, Instant updatedAt) {

    /** Records the association in one statement, replacing whatever the sub-account had before. */
    Uni<Void> save(SqlClient client) {
        return client.preparedQuery("""
                        INSERT INTO enterprise_association (sub_customer_id, master_customer_id, bills_visible,
                                                            financial_custody, updated_at)
                        VALUES ($1, $2, $3, $4, $5)
                        ON CONFLICT (sub_customer_id) DO UPDATE SET master_customer_id = EXCLUDED.master_customer_id,
                            bills_visible = EXCLUDED.bills_visible, financial_custody = EXCLUDED.financial_custody,
                            updated_at = EXCLUDED.updated_at""")
                .execute(Tuple.of(subCustomerId, masterCustomerId, billsVisible, financialCustody, utc(updatedAt)))
                .replaceWithVoid();
    }

    /** Ends the sub-account's association, if it has one. */
    static Uni<Void> end(SqlClient client, String subCustomerId) {
        return client.preparedQuery("DELETE FROM enterprise_association WHERE sub_customer_id = $1")
                .execute(Tuple.of(subCustomerId)).replaceWithVoid();
    }
}
