package io.openbss.orders.orders;

import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds the orders a customer may see. */
@ApplicationScoped
public class OrderQueries {

    /** A page of orders with the total matching count and each order's discounts. */
    public record OrderPage(long total, List<CustomerOrder> orders, Map<String, List<OrderDiscount>> discounts) {
    }

    /**
     * Orders of {@code callerId} itself, or with {@code paidForSubCustomers} the orders it paid for its
     * sub-accounts; never anyone else's.
     */
    public Uni<OrderPage> search(String callerId, OrderSearch search) {
        SqlQuery filters = SqlQuery.hql()
                .and(search.paidForSubCustomers() ? "payerCustomerId = ?" : "customerId = ?", callerId)
                .andIf(lower(search.customerId()), "lower(customerId) = ?")
                .andIf(lower(search.orderId()), "lower(orderId) = ?")
                .andIf(lower(search.serviceTypeCode()), "lower(serviceTypeCode) = ?")
                .andIf(search.status(), "status = ?")
                .andIf(search.orderType(), "orderType = ?")
                .andIf(search.createTimeBegin(), "createTime >= ?")
                .andIf(search.createTimeEnd(), "createTime <= ?")
                .andIf(search.paymentTimeBegin(), "paymentTime >= ?")
                .andIf(search.paymentTimeEnd(), "paymentTime <= ?");
        String where = filters.conditions();
        Object[] params = filters.values();
        String direction = search.newestFirst() ? "desc" : "asc";
        String query = where + " order by createTime " + direction + ", orderId " + direction;
        int first = search.paging().offset();
        return CustomerOrder.count(where, params)
                .flatMap(total -> total <= first ? Uni.createFrom().item(new OrderPage(total, List.of(), Map.of()))
                        : CustomerOrder.<CustomerOrder>find(query, params)
                                .range(first, search.paging().lastIndex()).list()
                                .flatMap(orders -> discountsOf(orders)
                                        .map(discounts -> new OrderPage(total, orders, discounts))));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase();
    }

    private Uni<Map<String, List<OrderDiscount>>> discountsOf(List<CustomerOrder> orders) {
        List<String> ids = orders.stream().map(o -> o.orderId).toList();
        return OrderDiscount.<OrderDiscount>list("orderId in ?1 order by discountType", ids)
                .map(list -> list.stream().collect(Collectors.groupingBy(d -> d.orderId)));
    }
}
