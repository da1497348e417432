package io.openbss.orders.resources;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's yearly/monthly resources, in one statement: the page and the total count together, walking the
 * customer's index ({@code subscription_by_customer}) in expiry order.
 */
@ApplicationScoped
public class ResourceQueries {

    /** ListPayPerUseCustomerResourcesResponse of the SDK. */
    public record ResourceList(long totalCount,
            List<ResourceView> data) {
    }

    private static final String COLUMNS = """
            s.resource_id, s.main_resource_id, s.resource_name, s.region_code, s.service_type_code,
            s.service_type_name, s.resource_type_code, s.resource_spec_code, s.product_id, s.product_spec_desc,
            s.resource_size, s.size_measure_id, s.status, s.effective_time, s.expire_time, s.expire_policy,
            s.update_time, s.resource_type_name, s.project_id, s.enterprise_project_id, s.enterprise_project_name""";

    @Inject
    Pool pool;

    public Uni<ResourceList> find(String customerId, ResourceQuery.Filter filter) {
        SqlQuery query = filters(customerId, filter);
        String where = query.conditions();
        Tuple filters = query.tuple();
        int offset = filter.paging().offset();
        // the window counts narrow rows in index order; only the page's rows are read in full
        String page = "SELECT " + COLUMNS + ", k.total FROM (SELECT s.resource_id, s.expire_time, count(*) OVER () "
                + "AS total FROM subscription s WHERE " + where + " ORDER BY s.expire_time, s.resource_id OFFSET "
                + query.bind(offset) + " LIMIT " + query.bind(filter.paging().limit()) + ") k "
                + "JOIN subscription s ON s.resource_id = k.resource_id ORDER BY k.expire_time, k.resource_id";
        return pool.preparedQuery(page).execute(query.tuple()).flatMap(rows -> {
            if (rows.size() > 0) {
                return Uni.createFrom().item(list(rows));
            }
            if (offset == 0) {
                return Uni.createFrom().item(new ResourceList(0, List.of()));
            }
            // past the last page the window counts nothing: count on its own
            return pool.preparedQuery("SELECT count(*) FROM subscription s WHERE " + where).execute(filters)
                    .map(count -> new ResourceList(count.iterator().next().getLong(0), List.of()));
        });
    }

    private static ResourceList list(RowSet<Row> rows) {
        List<ResourceView> data = new ArrayList<>();
        long total = 0;
        for (Row row : rows) {
            total = row.getLong("total");
            data.add(ResourceView.of(row));
        }
        return new ResourceList(total, data);
    }

    private static SqlQuery filters(String customerId, ResourceQuery.Filter filter) {
        SqlQuery query = SqlQuery.sql().and("s.customer_id = ?", customerId)
                .and("s.status = ANY(?::int[])", (Object) filter.statuses().toArray(Integer[]::new));
        if (!filter.resourceIds().isEmpty()) {
            Object ids = filter.resourceIds().toArray(String[]::new);
            // a main resource's subordinates come with it, unless only main resources are asked for; an id of a
            // subordinate resource finds that resource either way
            if (filter.onlyMain()) {
                query.and("s.resource_id = ANY(?::text[])", ids);
            } else {
                query.and("(s.resource_id = ANY(?::text[]) OR s.main_resource_id = ANY(?::text[]))", ids, ids);
            }
        } else if (filter.onlyMain()) {
            query.and("s.main_resource_id IS NULL");
        }
        return query.andIf(filter.orderId(), "s.order_id = ?")
                .andIf(filter.serviceTypeCode(), "s.service_type_code = ?")
                .andIf(filter.expireBegin() == null ? null : utc(filter.expireBegin()), "s.expire_time >= ?")
                .andIf(filter.expireEnd() == null ? null : utc(filter.expireEnd()), "s.expire_time <= ?");
    }
}
