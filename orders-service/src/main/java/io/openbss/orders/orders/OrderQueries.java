package io.openbss.orders.orders;

import io.quarkus.panache.common.Parameters;
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
        StringBuilder where = new StringBuilder(search.paidForSubCustomers()
                ? "payerCustomerId = :caller" : "customerId = :caller");
        Parameters params = Parameters.with("caller", callerId);
        if (search.customerId() != null) {
            where.append(" and lower(customerId) = :customerId");
            params.and("customerId", search.customerId().toLowerCase());
        }
        if (search.orderId() != null) {
            where.append(" and lower(orderId) = :orderId");
            params.and("orderId", search.orderId().toLowerCase());
        }
        if (search.serviceTypeCode() != null) {
            where.append(" and lower(serviceTypeCode) = :serviceType");
            params.and("serviceType", search.serviceTypeCode().toLowerCase());
        }
        if (search.status() != null) {
            where.append(" and status = :status");
            params.and("status", search.status());
        }
        if (search.orderType() != null) {
            where.append(" and orderType = :orderType");
            params.and("orderType", search.orderType());
        }
        if (search.createTimeBegin() != null) {
            where.append(" and createTime >= :createBegin");
            params.and("createBegin", search.createTimeBegin());
        }
        if (search.createTimeEnd() != null) {
            where.append(" and createTime <= :createEnd");
            params.and("createEnd", search.createTimeEnd());
        }
        if (search.paymentTimeBegin() != null) {
            where.append(" and paymentTime >= :payBegin");
            params.and("payBegin", search.paymentTimeBegin());
        }
        if (search.paymentTimeEnd() != null) {
            where.append(" and paymentTime <= :payEnd");
            params.and("payEnd", search.paymentTimeEnd());
        }
        String direction = search.newestFirst() ? "desc" : "asc";
        String query = where + " order by createTime " + direction + ", orderId " + direction;
        int first = search.paging().offset();
        return CustomerOrder.count(where.toString(), params)
                .flatMap(total -> total <= first ? Uni.createFrom().item(new OrderPage(total, List.of(), Map.of()))
                        : CustomerOrder.<CustomerOrder>find(query, params)
                                .range(first, search.paging().lastIndex()).list()
                                .flatMap(orders -> discountsOf(orders)
                                        .map(discounts -> new OrderPage(total, orders, discounts))));
    }

    private Uni<Map<String, List<OrderDiscount>>> discountsOf(List<CustomerOrder> orders) {
        List<String> ids = orders.stream().map(o -> o.orderId).toList();
        return OrderDiscount.<OrderDiscount>list("orderId in ?1 order by discountType", ids)
                .map(list -> list.stream().collect(Collectors.groupingBy(d -> d.orderId)));
    }
}
