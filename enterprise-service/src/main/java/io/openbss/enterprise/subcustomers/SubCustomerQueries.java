package io.openbss.enterprise.subcustomers;

import io.openbss.enterprise.organizations.Organization;
import io.quarkus.panache.common.Parameters;
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
        StringBuilder where = new StringBuilder("masterCustomerId = :master");
        Parameters params = Parameters.with("master", masterId);
        nameFilter(where, params, "accountName", "accountName", search.accountName(), search.fuzzy());
        nameFilter(where, params, "displayName", "displayName", search.displayName(), search.fuzzy());
        if (search.orgId() != null) {
            where.append(" and orgId = :orgId");
            params.and("orgId", search.orgId());
        }
        int first = search.paging().offset();
        return SubCustomer.count(where.toString(), params).flatMap(total -> total <= first
                ? Uni.createFrom().item(new SubCustomerPage(total, List.of(), Map.of()))
                : SubCustomer.<SubCustomer>find(where + " order by createdAt, subCustomerId", params)
                        .range(first, search.paging().lastIndex()).list()
                        .flatMap(page -> orgNames(page).map(names -> new SubCustomerPage(total, page, names))));
    }

    private static void nameFilter(StringBuilder where, Parameters params, String field, String param, String value,
            boolean fuzzy) {
        if (value == null) {
            return;
        }
        if (fuzzy) {
            where.append(" and lower(").append(field).append(") like :").append(param).append(" escape '\\'");
            params.and(param, "%" + value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        } else {
            where.append(" and ").append(field).append(" = :").append(param);
            params.and(param, value);
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
