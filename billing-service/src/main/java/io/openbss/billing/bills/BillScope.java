package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.optionalWord;

import io.openbss.common.error.BssException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whose bills a caller sees: its own ({@code method=oneself}), its sub-accounts' ({@code sub_customer}), or both
 * ({@code all}, the default). A master sees a sub-account's bills only while their association allows it; for
 * anyone else, the sub-accounts are none.
 */
@ApplicationScoped
public class BillScope {

    static final Set<String> METHODS = Set.of("oneself", "sub_customer", "all");

    @Inject
    Pool pool;

    /** @param subRequired whether {@code sub_customer} needs a {@code sub_customer_id} (it filters, otherwise) */
    public Uni<List<String>> customers(String callerId, String method, String subCustomerId, boolean subRequired) {
        String how = optionalWord("method", method, METHODS);
        String sub = optionalText("sub_customer_id", subCustomerId, 64);
        if ("oneself".equals(how)) {
            return Uni.createFrom().item(List.of(callerId));
        }
        if ("sub_customer".equals(how) && sub == null && subRequired) {
            throw BssException.badParameter("sub_customer_id", "is required when method is sub_customer");
        }
        return pool.preparedQuery("""
                        SELECT sub_customer_id FROM enterprise_association
                         WHERE master_customer_id = $1 AND bills_visible ORDER BY sub_customer_id""")
                .execute(Tuple.of(callerId))
                .map(rows -> {
                    List<String> visible = new ArrayList<>();
                    rows.forEach(row -> visible.add(row.getString("sub_customer_id")));
                    if ("sub_customer".equals(how)) {
                        if (sub == null) {
                            return visible;
                        }
                        if (!visible.contains(sub)) {
                            throw BssException.foreignObject("the bills of " + sub);
                        }
                        return List.of(sub);
                    }
                    List<String> all = new ArrayList<>(List.of(callerId));
                    all.addAll(visible);
                    return all;
                });
    }
}
