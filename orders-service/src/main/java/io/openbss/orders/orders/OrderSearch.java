package io.openbss.orders.orders;

import static io.openbss.common.request.RequestParameters.optionalCode;
import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.optionalWord;

import io.openbss.common.error.BssException;
import io.openbss.common.request.Paging;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The filters of ListCustomerOrders, validated. Absent or empty parameters do not filter; identifiers and service
 * types compare case-insensitively; a time range may span at most one year.
 */
public record OrderSearch(String orderId, String customerId, Instant createTimeBegin, Instant createTimeEnd,
        String serviceTypeCode, Integer status, Integer orderType, Instant paymentTimeBegin, Instant paymentTimeEnd,
        boolean newestFirst, boolean paidForSubCustomers, Paging paging) {

    static final Duration MAX_RANGE = Duration.ofDays(366);

    /** The query parameters of ListCustomerOrders, as sent. */
    public record Query(@QueryParam("order_id") String orderId, @QueryParam("customer_id") String customerId,
            @QueryParam("create_time_begin") String createTimeBegin,
            @QueryParam("create_time_end") String createTimeEnd,
            @QueryParam("service_type_code") String serviceTypeCode, @QueryParam("status") String status,
            @QueryParam("order_type") String orderType, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @QueryParam("order_by") String orderBy,
            @QueryParam("payment_time_begin") String paymentTimeBegin,
            @QueryParam("payment_time_end") String paymentTimeEnd,
            @QueryParam("indirect_partner_id") String indirectPartnerId, @QueryParam("method") String method) {
    }

    public static OrderSearch parse(Query q) {
        optionalText("indirect_partner_id", q.indirectPartnerId(), 64);
        Instant createBegin = optionalInstant("create_time_begin", q.createTimeBegin());
        Instant createEnd = optionalInstant("create_time_end", q.createTimeEnd());
        checkRange("create_time_begin", createBegin, "create_time_end", createEnd);
        Instant payBegin = optionalInstant("payment_time_begin", q.paymentTimeBegin());
        Instant payEnd = optionalInstant("payment_time_end", q.paymentTimeEnd());
        checkRange("payment_time_begin", payBegin, "payment_time_end", payEnd);
        String sort = optionalWord("order_by", q.orderBy(), Set.of("createTime", "-createTime"));
        String how = optionalWord("method", q.method(), Set.of("oneself", "sub_customer"));
        return new OrderSearch(optionalText("order_id", q.orderId(), 64),
                optionalText("customer_id", q.customerId(), 64), createBegin, createEnd, optionalText("service_type_code", q.serviceTypeCode(), 64),
                optionalCode("status", q.status(), OrderStatus.CODES),
                optionalCode("order_type", q.orderType(), OrderType.CODES), payBegin, payEnd,
                !"createTime".equals(sort), "sub_customer".equals(how), Paging.of(q.offset(), q.limit(), 10, 100));
    }

    private static void checkRange(String beginName, Instant begin, String endName, Instant end) {
        if (begin != null && end != null) {
            if (end.isBefore(begin)) {
                throw BssException.badParameter(endName, "must not be before " + beginName);
            }
            if (Duration.between(begin, end).compareTo(MAX_RANGE) > 0) {
                throw BssException.badParameter(endName, "must be within one year of " + beginName);
            }
        }
    }
}
