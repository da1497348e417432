package io.openbss.enterprise.subcustomers;

import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds the sub-accounts of one master account. */
@ApplicationScoped
public class SubCustomerQueries {

    public record SubCustomerPage(long total, List<SubCustomer> subCustomers, Map<String, String> orgNames) {
    }

    @Inject
    Pool pool;

    public Uni<SubCustomerPage> search(String masterId, SubCustomerSearch search) {
        SqlQuery filters = SqlQuery.sql().and("master_customer_id = ?", masterId);
        nameFilter(filters, "account_name", search.accountName(), search.fuzzy());
        nameFilter(filters, "display_name", search.displayName(), search.fuzzy());
        filters.andIf(search.orgId(), "org_id = ?");
        Tuple countParams = filters.tuple();
        String where = filters.where();
        int first = search.paging().offset();
        String page = " ORDER BY created_at, sub_customer_id LIMIT " + filters.bind(search.paging().limit())
                + " OFFSET " + filters.bind(first);
        return pool.preparedQuery("SELECT count(*) AS total FROM sub_customer" + where).execute(countParams)
                .map(rows -> rows.iterator().next().getLong("total"))
                .flatMap(total -> total <= first
                        ? Uni.createFrom().item(new SubCustomerPage(total, List.of(), Map.of()))
                        : pool.preparedQuery("SELECT * FROM sub_customer" + where + page).execute(filters.tuple())
                                .map(rows -> {
                                    List<SubCustomer> subs = new ArrayList<>();
                                    rows.forEach(row -> subs.add(SubCustomer.of(row)));
                                    return subs;
                                })
                                .flatMap(subs -> orgNames(subs).map(names -> new SubCustomerPage(total, subs, names))));
    }

    private static void nameFilter(SqlQuery filters, String column, String value, boolean fuzzy) {
        if (value == null) {
            return;
        }
        if (fuzzy) {
            filters.and("lower(" + column + ") LIKE ? ESCAPE '\\'", "%" + value.toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        } else {
            filters.and(column + " = ?", value);
        }
    }

    private Uni<Map<String, String>> orgNames(List<SubCustomer> page) {
        String[] ids = page.stream().map(s -> s.orgId).filter(id -> id != null).distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT org_id, name FROM organization WHERE org_id = ANY($1)")
                .execute(Tuple.of(ids)).map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(row -> names.put(row.getString("org_id"), row.getString("name")));
                    return names;
                });
    }
}
