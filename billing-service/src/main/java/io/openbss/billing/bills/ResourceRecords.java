package io.openbss.billing.bills;

import io.openbss.common.request.Language;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Resource consumption records of a month, in one of three grains: per resource for the month, per resource and day,
 * or each bill line. Shared by ListCustomerselfResourceRecords and ListCustomerselfResourceRecordDetails.
 */
@ApplicationScoped
public class ResourceRecords {

    public enum Grain {
        CYCLE, DAY, DETAIL
    }

    /** What to select; a null filter does not filter ({@code resourceId} "" does: it matches nothing). */
    public record Criteria(YearMonth cycle, List<String> customers, String service, String resourceType, String region,
            String resourceId, Integer chargeMode, Integer billType, String enterpriseProject, Boolean includeZero,
            String tradeId, LocalDate begin, LocalDate end, String payer, Grain grain, Paging paging, Language language) {

        Criteria forCustomers(List<String> customerIds) {
            return new Criteria(cycle, customerIds, service, resourceType, region, resourceId, chargeMode, billType,
                    enterpriseProject, includeZero, tradeId, begin, end, payer, grain, paging, language);
        }
    }

    public record Page(long total, List<Row> rows) {
    }

    static final String KEYS = "b.customer_id, b.payer_customer_id, b.resource_id, b.service_type_code, "
            + "b.resource_type_code, b.region_code, b.charging_mode, b.bill_type, b.product_id, "
            + "b.enterprise_project_id, b.usage_type_code, b.usage_measure_id, b.period_type";
    static final String AGGREGATES = """
            min(b.resource_name) AS resource_name, min(b.product_spec_desc) AS product_spec_desc,
            sum(b.usage) AS usage, sum(b.free_resource_usage) AS free_resource_usage,
            sum(b.official_amount) AS official_amount, sum(b.discount_amount) AS discount_amount,
            sum(b.amount) AS amount, sum(b.cash_amount) AS cash_amount, sum(b.credit_amount) AS credit_amount,
            sum(b.coupon_amount) AS coupon_amount, sum(b.stored_card_amount) AS stored_card_amount,
            sum(b.debt_amount) AS debt_amount, min(b.effective_time) AS effective_time,
            max(b.expire_time) AS expire_time, max(b.trade_time) AS trade_time,
            CASE WHEN min(b.trade_id) = max(b.trade_id) THEN min(b.trade_id) END AS trade_id,
            CASE WHEN min(b.order_id) = max(b.order_id) THEN min(b.order_id) END AS order_id,
            CASE WHEN min(b.unit_price) = max(b.unit_price) THEN min(b.unit_price) END AS unit_price,
            min(b.unit) AS unit, min(b.line_id) AS line_id""";
    static final String NAME_COLUMNS = "st.name_zh AS st_zh, st.name_en AS st_en, rt.name_zh AS rt_zh, rt.name_en AS rt_en, "
            + "rg.name_zh AS rg_zh, rg.name_en AS rg_en";

    @Inject
    Pool pool;

    public Uni<Page> query(Criteria c) {
        SqlQuery query = SqlQuery.sql()
                .and("b.customer_id = ANY(?)", (Object) c.customers().toArray(String[]::new))
                .and("b.bill_cycle = ?", c.cycle().toString())
                .andIf(c.service(), "b.service_type_code = ?")
                .andIf(c.resourceType(), "b.resource_type_code = ?")
                .andIf(c.region(), "b.region_code = ?")
                .andIf(c.resourceId(), "b.resource_id = ?")
                .andIf(c.chargeMode() == null ? null : c.chargeMode().shortValue(), "b.charging_mode = ?")
                .andIf(c.billType() == null ? null : c.billType().shortValue(), "b.bill_type = ?")
                .andIf(c.enterpriseProject(), "b.enterprise_project_id = ?")
                .andIf(c.tradeId(), "b.trade_id = ?")
                .andIf(c.payer(), "b.payer_customer_id = ?")
                .andIf(c.begin(), "b.bill_date >= ?")
                .andIf(c.end(), "b.bill_date <= ?");
        if (Boolean.FALSE.equals(c.includeZero())) {
            query.and("b.amount <> 0");
        }
        String from = " FROM bill_line b" + query.where();
        Tuple filters = query.tuple();
        String page = " LIMIT " + query.bind(c.paging().limit()) + " OFFSET " + query.bind(c.paging().offset());
        String select;
        String count;
        if (c.grain() == Grain.DETAIL) {
            count = "SELECT count(*) AS n" + from;
            select = "SELECT b.*, b.bill_date AS day, " + NAME_COLUMNS + ", count(*) OVER () AS total FROM bill_line b"
                    + BillSql.NAMES + query.where() + " ORDER BY b.bill_date, b.line_id" + page;
        } else {
            // grouped, then the page cut, then named: the names join a page of groups, not every line of the month
            String keys = c.grain() == Grain.DAY ? KEYS + ", b.bill_date" : KEYS;
            String day = c.grain() == Grain.DAY ? "b.bill_date" : "NULL::date";
            count = "SELECT count(*) AS n FROM (SELECT 1" + from + " GROUP BY " + keys + ") g";
            select = "SELECT g.*, " + NAME_COLUMNS + " FROM (SELECT " + KEYS + ", " + day + " AS day, " + AGGREGATES
                    + ", count(*) OVER () AS total" + from + " GROUP BY " + keys
                    + " ORDER BY day NULLS FIRST, b.resource_id, line_id" + page + ") g" + BillSql.namesOf("g")
                    + " ORDER BY g.day NULLS FIRST, g.resource_id, g.line_id";
        }
        return pool.preparedQuery(select).execute(query.tuple())
                .flatMap(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    if (!list.isEmpty()) {
                        return Uni.createFrom().item(new Page(list.getFirst().getLong("total"), list));
                    }
                    // a page past the end still says how many there are
                    return pool.preparedQuery(count).execute(filters)
                            .map(total -> new Page(total.iterator().next().getLong("n"), list));
                });
    }
}
