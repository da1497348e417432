package io.openbss.enterprise.subcustomers;

import io.openbss.common.sql.SqlQuery;
import io.openbss.enterprise.organizations.Organization;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the sub-accounts of one master account. */
@ApplicationScoped
public class SubCustomerQueries {

    public record SubCustomerPage(long total, List<SubCustomer> subCustomers, Map<String, String> orgNames) {
    }

    public Uni<SubCustomerPage> search(String masterId, SubCustomerSearch search) {
        SqlQuery filters = SqlQuery.hql().and("masterCustomerId = ?", masterId);
        nameFilter(filters, "accountName", search.accountName(), search.fuzzy());
        nameFilter(filters, "displayName", search.displayName(), search.fuzzy());
        filters.andIf(search.orgId(), "orgId = ?");
        String where = filters.conditions();
        Object[] params = filters.values();
        int first = search.paging().offset();
        return SubCustomer.count(where, params).flatMap(total -> total <= first
                ? Uni.createFrom().item(new SubCustomerPage(total, List.of(), Map.of()))
                : SubCustomer.<SubCustomer>find(where + " order by createdAt, subCustomerId", params)
                        .range(first, search.paging().lastIndex()).list()
                        .flatMap(page -> orgNames(page).map(names -> new SubCustomerPage(total, page, names))));
    }

    private static void nameFilter(SqlQuery filters, String field, String value, boolean fuzzy) {
        if (value == null) {
            return;
        }
        if (fuzzy) {
            filters.and("lower(" + field + ") like ? escape '\\'", "%" + value.toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        } else {
            filters.and(field + " = ?", value);
        }
    }

    private static Uni<Map<String, String>> orgNames(List<SubCustomer> page) {
        List<String> ids = page.stream().map(s -> s.orgId).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Organization.<Organization>list("orgId in ?1", ids)
                .map(orgs -> orgs.stream().collect(Collectors.toMap(o -> o.orgId, o -> o.name, (a, b) -> a)))
                .map(Function.identity());
    }
}
