package io.openbss.billing.coupons;

import static io.openbss.common.time.BssTime.utc;

import static io.openbss.billing.query.Columns.wire;
import static io.openbss.common.request.RequestParameters.optionalCode;
import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.required;
import static io.openbss.common.request.RequestParameters.sentOrNull;

import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's coupons and stored-value cards. */
@Path("/v2/promotions/benefits")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class CouponsResource {

    /**
     * 1 not yet active, 2 usable, 3 used, 4 expired, 5 reclaimed: derived from the coupon and its balance at
     * {@code :now}.
     */
    static final String STATUS = """
            CASE WHEN c.reclaimed_at IS NOT NULL THEN 5
                 WHEN (c.coupon_type = 2 AND c.used_by_trade_id IS NOT NULL)
                      OR (c.coupon_type <> 2 AND a.balance = 0) THEN 3
                 WHEN c.expire_time <= :now THEN 4
                 WHEN c.valid_time > :now THEN 1
                 ELSE 2 END""";

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    public record CouponQuery(@QueryParam("coupon_id") String couponId, @QueryParam("order_id") String orderId,
            @QueryParam("promotion_plan_id") String promotionPlanId, @QueryParam("coupon_type") String couponType,
            @QueryParam("status") String statusCode, @QueryParam("active_start_time") String activeStart,
            @QueryParam("active_end_time") String activeEnd, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @QueryParam("source_id") String sourceId,
            @QueryParam("indirect_partner_id") String indirectPartnerId) {
    }

    @GET
    @Path("/coupons")
    @Operation(operationId = "ListSubCustomerCoupons", summary = "The caller's coupons")
    public Uni<CouponViews.CouponList> coupons(@BeanParam CouponQuery params, @Context UriInfo uri) {
        Paging paging = Paging.of(params.offset(), params.limit(), 10, 100);
        optionalText("indirect_partner_id", params.indirectPartnerId(), 64);
        OffsetDateTime now = utc(clock.instant());
        SqlQuery query = SqlQuery.sql();
        String status = STATUS.replace(":now", query.bind(now));
        query.and("c.customer_id = ?", caller.get().customerId());
        query.andIf(text(uri, "coupon_id", params.couponId()), "c.coupon_id = ?");
        query.andIf(text(uri, "promotion_plan_id", params.promotionPlanId()), "c.promotion_plan_id = ?");
        query.andIf(text(uri, "source_id", params.sourceId()), "c.source_id = ?");
        String order = text(uri, "order_id", params.orderId());
        if (order != null) {
            query.and("(c.used_by_trade_id = ? OR EXISTS (SELECT 1 FROM journal_line l JOIN journal_entry e "
                    + "ON e.entry_id = l.entry_id WHERE l.account_id = c.account_id AND e.trade_id = ?))", order,
                            order);
        }
        Integer type = optionalCode("coupon_type", params.couponType(), Set.of(1, 2, 3, 4));
        query.andIf(type == null ? null : type.shortValue(), "c.coupon_type = ?");
        Integer state = optionalCode("status", params.statusCode(), Set.of(1, 2, 3, 4, 5));
        query.andIf(state, "(" + status + ") = ?");
        Instant begin = optionalInstant("active_start_time", params.activeStart());
        Instant end = optionalInstant("active_end_time", params.activeEnd());
        query.andIf(begin == null ? null : utc(begin), "c.valid_time >= ?");
        query.andIf(end == null ? null : utc(end), "c.valid_time <= ?");
        // used, expired and reclaimed coupons are listed for twelve months
        query.and("((" + status + ") IN (1, 2) OR c.expire_time > ?::timestamptz - interval '12 months')", now);
        String from = " FROM coupon c LEFT JOIN ledger_account a ON a.account_id = c.account_id" + query.where();
        return pool.preparedQuery("SELECT count(*) AS n" + from).execute(query.tuple())
                .flatMap(count -> pool.preparedQuery("SELECT c.*, a.balance, " + status + " AS status" + from
                                + " ORDER BY c.created_at DESC, c.coupon_id LIMIT " + query.bind(paging.limit())
                                + " OFFSET " + query.bind(paging.offset()))
                        .execute(query.tuple())
                        .map(rows -> {
                            List<CouponViews.UserCoupon> coupons = new ArrayList<>();
                            rows.forEach(row -> coupons.add(coupon(row)));
                            return new CouponViews.CouponList(count.iterator().next().getLong("n"), coupons);
                        }));
    }

    @GET
    @Path("/stored-value-cards")
    @Operation(operationId = "ListStoredValueCards", summary = "The caller's stored-value cards")
    public Uni<CouponViews.CardList> cards(@QueryParam("status") String status, @QueryParam("card_id") String cardId,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        required("status", status);
        Integer state = optionalCode("status", status, Set.of(1, 2));
        Paging paging = Paging.of(offset, limit, 10, 100);
        SqlQuery query = SqlQuery.sql().and("s.customer_id = ?", caller.get().customerId())
                .and(state == 1 ? "a.balance > 0" : "a.balance = 0")
                .andIf(optionalText("card_id", cardId, 64), "s.card_id = ?");
        String from = " FROM stored_value_card s JOIN ledger_account a ON a.account_id = s.account_id" + query.where();
        return pool.preparedQuery("SELECT count(*) AS n" + from).execute(query.tuple())
                .flatMap(count -> pool.preparedQuery("SELECT s.*, a.balance" + from
                                + " ORDER BY s.expire_time, s.card_id LIMIT " + query.bind(paging.limit())
                                + " OFFSET " + query.bind(paging.offset()))
                        .execute(query.tuple())
                        .map(rows -> {
                            List<CouponViews.Card> cards = new ArrayList<>();
                            rows.forEach(row -> cards.add(new CouponViews.Card(row.getString("card_id"),
                                    row.getString("card_name"), row.getBigDecimal("balance").signum() > 0 ? 1 : 2,
                                    row.getBigDecimal("face_value").toPlainString(),
                                    row.getBigDecimal("balance").toPlainString(), wire(row, "effective_time"),
                                    wire(row, "expire_time"))));
                            return new CouponViews.CardList(count.iterator().next().getLong("n"), cards);
                        }));
    }

    private static CouponViews.UserCoupon coupon(Row row) {
        String planId = row.getString("promotion_plan_id");
        return new CouponViews.UserCoupon(row.getString("coupon_id"), row.getString("coupon_code"),
                row.getInteger("status"), row.getString("customer_id"), row.getShort("coupon_type"), 1,
                row.getBigDecimal("face_value"), wire(row, "valid_time"), wire(row, "expire_time"),
                row.getString("used_by_trade_id"), planId, row.getString("plan_name"), row.getString("plan_desc"), 1, 1,
                CouponViews.useLimits(row), wire(row, "valid_time"), wire(row, "created_at"), 1,
                row.getBigDecimal("balance") == null ? null : row.getBigDecimal("balance"), "0", "CNY",
                row.getString("source_id"));
    }

    /** An identifier filter: absent does not filter, sent empty matches nothing (as the API documents). */
    private static String text(UriInfo uri, String name, String value) {
        String sent = sentOrNull(uri, name, value);
        optionalText(name, sent, 64);
        return sent;
    }
}
