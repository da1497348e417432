package io.openbss.orders.resources;

import static io.openbss.common.time.BssTime.utc;

import com.fasterxml.jackson.annotation.JsonProperty;
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
    public record ResourceList(@JsonProperty("total_count") long totalCount,
            @JsonProperty("data") List<ResourceView> data) {
    }

    private static final String COLUMNS = """
            s.resource_id, s.main_resource_id, s.resource_name, s.region_code, s.service_type_code,
            s.service_type_name, s.resource_type_code, s.resource_spec_code, s.product_id, s.product_spec_desc,
            s.resource_size, s.size_measure_id, s.status, s.effective_time, s.expire_time, s.expire_policy,
            s.update_time, s.resource_type_name, s.project_id, s.enterprise_project_id, s.enterprise_project_name""";

    @Inject
    Pool pool;

    public Uni<ResourceList> find(String customerId, ResourceQuery.Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(customerId, filter, params);
        int offset = filter.paging().offset();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(offset);
        pageParams.add(filter.paging().limit());
        // the window counts narrow rows in index order; only the page's rows are read in full
        String page = "SELECT " + COLUMNS + ", k.total FROM (SELECT s.resource_id, s.expire_time, count(*) OVER () "
                + "AS total FROM subscription s WHERE " + where + " ORDER BY s.expire_time, s.resource_id OFFSET $"
                + (params.size() + 1) + " LIMIT $" + (params.size() + 2) + ") k "
                + "JOIN subscription s ON s.resource_id = k.resource_id ORDER BY k.expire_time, k.resource_id";
        return pool.preparedQuery(page).execute(Tuple.from(pageParams)).flatMap(rows -> {
            if (rows.size() > 0) {
                return Uni.createFrom().item(list(rows));
            }
            if (offset == 0) {
                return Uni.createFrom().item(new ResourceList(0, List.of()));
            }
            // past the last page the window counts nothing: count on its own
            return pool.preparedQuery("SELECT count(*) FROM subscription s WHERE " + where)
                    .execute(Tuple.from(params))
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

    private static String where(String customerId, ResourceQuery.Filter filter, List<Object> params) {
        StringBuilder where = new StringBuilder("s.customer_id = ").append(bind(params, customerId))
                .append(" AND s.status = ANY(").append(bind(params, filter.statuses().toArray(Integer[]::new)))
                .append("::int[])");
        if (!filter.resourceIds().isEmpty()) {
            String ids = bind(params, filter.resourceIds().toArray(String[]::new)) + "::text[]";
            // a main resource's subordinates come with it, unless only main resources are asked for; an id of a
            // subordinate resource finds that resource either way
            where.append(filter.onlyMain() ? " AND s.resource_id = ANY(" + ids + ")"
                    : " AND (s.resource_id = ANY(" + ids + ") OR s.main_resource_id = ANY(" + ids + "))");
        } else if (filter.onlyMain()) {
            where.append(" AND s.main_resource_id IS NULL");
        }
        if (filter.orderId() != null) {
            where.append(" AND s.order_id = ").append(bind(params, filter.orderId()));
        }
        if (filter.serviceTypeCode() != null) {
            where.append(" AND s.service_type_code = ").append(bind(params, filter.serviceTypeCode()));
        }
        if (filter.expireBegin() != null) {
            where.append(" AND s.expire_time >= ").append(bind(params, utc(filter.expireBegin())));
        }
        if (filter.expireEnd() != null) {
            where.append(" AND s.expire_time <= ").append(bind(params, utc(filter.expireEnd())));
        }
        return where.toString();
    }

    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }
}
