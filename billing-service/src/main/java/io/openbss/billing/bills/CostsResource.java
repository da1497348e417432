package io.openbss.billing.bills;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalWord;
import static io.openbss.common.request.RequestParameters.requiredText;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.sql.SqlQuery;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * ListCosts (/v4 cost analysis): the caller's costs (and its visible sub-accounts') per day or month, grouped by
 * dimensions and filtered by them. ORIGINAL_COST counts a bill line when it is billed; AMORTIZED_COST spreads a
 * subscription over its period, in cents ({@link Amortization#cents}). PAYMENT_AMOUNT is what paid each line
 * ({@link BillSql#PAID}); NET_AMOUNT leaves out what coupons paid. {@code official_amount} is the official price.
 * <p>
 * Every view of the money sums what paid each line, to the cent; no view rounds a sum of unrounded amounts. A line's
 * payable amount keeps 8 decimals but was paid to the cent, and rounding the sum of many payable amounts differs
 * from the sum of what paid them: a month's costs would then disagree with its ShowCustomerMonthlySum.
 */
@Path("/v4/costs/cost-analysed-bills/query")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class CostsResource {

    /** The dimensions OpenBSS keeps for every bill line, and the column each is. */
    static final Map<String, String> DIMENSIONS = Map.ofEntries(
            Map.entry("CLOUD_SERVICE_TYPE", "b.service_type_code"),
            Map.entry("RESOURCE_TYPE", "b.resource_type_code"),
            Map.entry("ASSOCIATED_ACCOUNT", "b.customer_id"),
            Map.entry("REGION_CODE", "b.region_code"),
            Map.entry("ENTERPRISE_PROJECT_ID", "coalesce(b.enterprise_project_id, '0')"),
            Map.entry("CHARGING_MODE", "b.charging_mode::text"),
            Map.entry("USAGE_TYPE", "coalesce(b.usage_type_code, '')"),
            Map.entry("BILL_TYPE", "b.bill_type::text"),
            Map.entry("PAYER_ACCOUNT_ID", "b.payer_customer_id"),
            Map.entry("RESOURCE_ID", "coalesce(b.resource_id, '')"),
            Map.entry("RES_SPEC_CODE", "coalesce(p.resource_spec, '')"));

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    BillScope scope;

    public record CostQuery(TimeCondition timeCondition,
            List<GroupBy> groupby, String costType,
            String amountType, Integer offset,
            Integer limit, List<Filter> filters) {
    }

    public record TimeCondition(Integer timeMeasureId,
            String beginTime, String endTime) {
    }

    public record GroupBy(String type, String key) {
    }

    public record Filter(Integer operator,
            FilterFactor filterFactor) {
    }

    public record FilterFactor(String key, List<String> value) {
    }

    public record Costs(String currency, long totalCount,
            List<CostData> costData) {
    }

    /** CostDataByDimension. */
    public record CostData(List<Dimension> dimensions,
            List<Cost> costs, String amountByCosts,
            String officialAmountByCosts) {
    }

    public record Dimension(String key, String value) {
    }

    public record Cost(String timeDimensionValue,
            int timeMeasureId, String amount,
            String officialAmount) {
    }

    /** One bucket of time: a day or a month (UTC+8). */
    record Bucket(String label, Instant start, Instant end) {
    }

    @POST
    @Operation(operationId = "ListCosts", summary = "Costs per day or month, grouped and filtered by dimensions")
    public Uni<Costs> costs(@HeaderParam(Language.HEADER) String language, CostQuery body) {
        Language.of(language);
        if (body == null || body.timeCondition() == null) {
            throw BssException.badParameter("time_condition", "is required");
        }
        int measure = checkRange("time_condition.time_measure_id", body.timeCondition().timeMeasureId(), 1, 2, 1);
        List<Bucket> buckets = buckets(measure, body.timeCondition());
        boolean amortized = "AMORTIZED_COST".equals(optionalWord("cost_type", body.costType(),
                Set.of("ORIGINAL_COST", "AMORTIZED_COST")));
        boolean net = "NET_AMOUNT".equals(optionalWord("amount_type", body.amountType(),
                Set.of("PAYMENT_AMOUNT", "NET_AMOUNT")));
        int offset = checkRange("offset", body.offset(), 0, 200_000, 0);
        int limit = checkRange("limit", body.limit(), 0, 1000, 10);
        List<String> keys = groupKeys(body.groupby());
        SqlQuery query = SqlQuery.sql();
        filters(query, body.filters());
        Instant from = buckets.getFirst().start();
        Instant to = buckets.getLast().end();
        if (amortized) {
            query.and("((b.charging_mode = 1 AND b.effective_time < ? AND b.expire_time > ?) "
                    + "OR (b.bill_date BETWEEN ? AND ?))", utc(to), utc(from),
                    BssTime.businessDate(from), BssTime.businessDate(to).minusDays(1));
        } else {
            query.and("b.bill_date BETWEEN ? AND ?", BssTime.businessDate(from), BssTime.businessDate(to).minusDays(1));
        }
        return scope.customers(caller.get().customerId(), "all", null, false).flatMap(customers -> {
            query.and("b.customer_id = ANY(?)", (Object) customers.toArray(String[]::new));
            StringBuilder select = new StringBuilder("SELECT " + BillSql.PAID + " AS paid, b.official_amount, "
                    + "b.coupon_amount, b.charging_mode, b.effective_time, b.expire_time, b.bill_date");
            for (int i = 0; i < keys.size(); i++) {
                select.append(", ").append(DIMENSIONS.get(keys.get(i))).append(" AS d").append(i);
            }
            return pool.preparedQuery(select + " FROM bill_line b LEFT JOIN product p ON p.product_id = b.product_id"
                            + query.where()).execute(query.tuple())
                    .map(rows -> aggregate(rows, keys, buckets, measure, amortized, net, offset,
                            limit == 0 ? 10 : limit));
        });
    }

    private static Costs aggregate(Iterable<Row> rows, List<String> keys, List<Bucket> buckets, int measure,
            boolean amortized, boolean net, int offset, int limit) {
        Map<List<String>, Map<String, BigDecimal[]>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            List<String> dims = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                dims.add(r.getString("d" + i));
            }
            BigDecimal amount = net ? r.getBigDecimal("paid").subtract(r.getBigDecimal("coupon_amount"))
                    : r.getBigDecimal("paid");
            BigDecimal official = r.getBigDecimal("official_amount");
            Map<String, BigDecimal[]> costs = groups.computeIfAbsent(dims, k -> new TreeMap<>());
            Instant effective = r.getOffsetDateTime("effective_time") == null ? null
                    : r.getOffsetDateTime("effective_time").toInstant();
            Instant expire = r.getOffsetDateTime("expire_time") == null ? null
                    : r.getOffsetDateTime("expire_time").toInstant();
            boolean spread = amortized && r.getShort("charging_mode") == 1 && effective != null && expire != null
                    && expire.isAfter(effective);
            Instant billed = BssTime.startOf(r.getLocalDate("bill_date"));
            for (Bucket bucket : buckets) {
                BigDecimal a;
                BigDecimal o;
                if (spread) {
                    Instant start = effective.isAfter(bucket.start()) ? effective : bucket.start();
                    Instant end = expire.isBefore(bucket.end()) ? expire : bucket.end();
                    a = Amortization.cents(amount, effective, expire, start, end);
                    o = Amortization.portion(official, effective, expire, start, end);
                } else if (!billed.isBefore(bucket.start()) && billed.isBefore(bucket.end())) {
                    a = amount;
                    o = official;
                } else {
                    continue;
                }
                if (a.signum() == 0 && o.signum() == 0) {
                    continue;
                }
                BigDecimal[] sums = costs.computeIfAbsent(bucket.label(), k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO});
                sums[0] = sums[0].add(a);
                sums[1] = sums[1].add(o);
            }
        }
        List<CostData> data = new ArrayList<>();
        groups.forEach((dims, costs) -> {
            if (costs.isEmpty()) {
                return;
            }
            List<Dimension> dimensions = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                dimensions.add(new Dimension(keys.get(i), dims.get(i)));
            }
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal official = BigDecimal.ZERO;
            List<Cost> list = new ArrayList<>();
            for (Map.Entry<String, BigDecimal[]> cost : costs.entrySet()) {
                list.add(new Cost(cost.getKey(), measure, money(cost.getValue()[0]), money(cost.getValue()[1])));
                amount = amount.add(cost.getValue()[0]);
                official = official.add(cost.getValue()[1]);
            }
            data.add(new CostData(dimensions, list, money(amount), money(official)));
        });
        data.sort(Comparator.comparing((CostData d) -> new BigDecimal(d.amountByCosts())).reversed()
                .thenComparing(d -> d.dimensions().toString()));
        return new Costs("CNY", data.size(), data.stream().skip(offset).limit(limit).toList());
    }

    private static List<Bucket> buckets(int measure, TimeCondition time) {
        String beginName = "time_condition.begin_time";
        String endName = "time_condition.end_time";
        List<Bucket> buckets = new ArrayList<>();
        try {
            if (measure == 1) {
                LocalDate begin = BssTime.parseDate(requiredText(beginName, time.beginTime(), 10));
                LocalDate end = endDate(endName, time.endTime());
                check(beginName, endName, ChronoUnit.DAYS.between(begin, end), 366);
                for (LocalDate day = begin; !day.isAfter(end); day = day.plusDays(1)) {
                    buckets.add(new Bucket(day.toString(), BssTime.startOf(day), BssTime.startOf(day.plusDays(1))));
                }
            } else {
                YearMonth begin = BssTime.parseCycle(requiredText(beginName, time.beginTime(), 7));
                YearMonth end = month(endName, time.endTime());
                check(beginName, endName, ChronoUnit.MONTHS.between(begin, end), 24);
                for (YearMonth m = begin; !m.isAfter(end); m = m.plusMonths(1)) {
                    buckets.add(new Bucket(m.toString(), BssTime.startOf(m.atDay(1)),
                            BssTime.startOf(m.plusMonths(1).atDay(1))));
                }
            }
        } catch (DateTimeParseException e) {
            throw BssException.badParameter(beginName, (measure == 1 ? "and end_time must be dates yyyy-MM-dd "
                    : "and end_time must be months yyyy-MM ") + BssTime.YEARS);
        }
        return buckets;
    }

    private static LocalDate endDate(String name, String value) {
        return BssTime.parseDate(requiredText(name, value, 10));
    }

    private static YearMonth month(String name, String value) {
        return BssTime.parseCycle(requiredText(name, value, 7));
    }

    private static void check(String beginName, String endName, long span, long max) {
        if (span < 0) {
            throw BssException.badParameter(endName, "must not be before " + beginName);
        }
        if (span > max) {
            throw BssException.badParameter(endName, "must be within " + max + " periods of " + beginName);
        }
    }

    private static List<String> groupKeys(List<GroupBy> groupby) {
        List<String> keys = new ArrayList<>();
        if (groupby == null) {
            return keys;
        }
        if (groupby.size() > 3) {
            throw BssException.badParameter("groupby", "may hold at most 3 dimensions");
        }
        for (int i = 0; i < groupby.size(); i++) {
            GroupBy g = groupby.get(i);
            if (g == null || (g.type() != null && !g.type().equals("dimension"))) {
                throw BssException.badParameter("groupby[" + i + "].type", "only dimension is supported (OpenBSS keeps no "
                        + "cost tags or cost units)");
            }
            if (g.key() == null || !DIMENSIONS.containsKey(g.key())) {
                throw BssException.badParameter("groupby[" + i + "].key", "must be one of "
                        + DIMENSIONS.keySet().stream().sorted().toList());
            }
            keys.add(g.key());
        }
        return keys;
    }

    private static void filters(SqlQuery query, List<Filter> filters) {
        if (filters == null) {
            return;
        }
        for (int i = 0; i < filters.size(); i++) {
            Filter f = filters.get(i);
            String at = "filters[" + i + "]";
            if (f == null || f.filterFactor() == null) {
                throw BssException.badParameter(at + ".filter_factor", "is required");
            }
            checkRange(at + ".operator", f.operator(), 0, 1, 0);
            // Map.ofEntries refuses to look up null: an absent key is answered like an unknown one
            String column = f.filterFactor().key() == null ? null : DIMENSIONS.get(f.filterFactor().key());
            if (column == null) {
                throw BssException.badParameter(at + ".filter_factor.key", "must be one of "
                        + DIMENSIONS.keySet().stream().sorted().toList());
            }
            if (f.filterFactor().value() == null || f.filterFactor().value().isEmpty()) {
                throw BssException.badParameter(at + ".filter_factor.value", "must hold at least one value");
            }
            String condition = column + " = ANY(?)";
            query.and(f.operator() != null && f.operator() == 1 ? "NOT (" + condition + ")" : condition,
                    (Object) f.filterFactor().value().toArray(String[]::new));
        }
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
