package io.openbss.orders.orders;

import static io.openbss.common.request.RequestParameters.optionalCode;
import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.optionalWord;

import io.openbss.common.error.BssException;
import io.openbss.common.request.Paging;
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

    @SuppressWarnings("java:S107")
    public static OrderSearch parse(String orderId, String customerId, String createTimeBegin, String createTimeEnd,
            String serviceTypeCode, String status, String orderType, String limit, String offset, String orderBy,
            String paymentTimeBegin, String paymentTimeEnd, String indirectPartnerId, String method) {
        optionalText("indirect_partner_id", indirectPartnerId, 64);
        Instant createBegin = optionalInstant("create_time_begin", createTimeBegin);
        Instant createEnd = optionalInstant("create_time_end", createTimeEnd);
        checkRange("create_time_begin", createBegin, "create_time_end", createEnd);
        Instant payBegin = optionalInstant("payment_time_begin", paymentTimeBegin);
        Instant payEnd = optionalInstant("payment_time_end", paymentTimeEnd);
        checkRange("payment_time_begin", payBegin, "payment_time_end", payEnd);
        String sort = optionalWord("order_by", orderBy, Set.of("createTime", "-createTime"));
        String how = optionalWord("method", method, Set.of("oneself", "sub_customer"));
        return new OrderSearch(optionalText("order_id", orderId, 64), optionalText("customer_id", customerId, 64),
                createBegin, createEnd, optionalText("service_type_code", serviceTypeCode, 64),
                optionalCode("status", status, OrderStatus.CODES),
                optionalCode("order_type", orderType, OrderType.CODES), payBegin, payEnd,
                !"createTime".equals(sort), "sub_customer".equals(how), Paging.of(offset, limit, 10, 100));
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
