package io.openbss.orders.orders;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the orders a customer may see. */
@ApplicationScoped
public class OrderQueries {

    /** A page of orders with the total matching count and each order's discounts. */
    public record OrderPage(long total, List<CustomerOrder> orders, Map<String, List<OrderDiscount>> discounts) {
    }

    @Inject
    Pool pool;

    /**
     * Orders of {@code callerId} itself, or with {@code paidForSubCustomers} the orders it paid for its
     * sub-accounts; never anyone else's.
     */
    public Uni<OrderPage> search(String callerId, OrderSearch search) {
        SqlQuery filters = SqlQuery.sql()
                .and(search.paidForSubCustomers() ? "payer_customer_id = ?" : "customer_id = ?", callerId)
                .andIf(lower(search.customerId()), "lower(customer_id) = ?")
                .andIf(lower(search.orderId()), "lower(order_id) = ?")
                .andIf(lower(search.serviceTypeCode()), "lower(service_type_code) = ?")
                .andIf(search.status(), "status = ?")
                .andIf(search.orderType(), "order_type = ?")
                .andIf(utc(search.createTimeBegin()), "create_time >= ?")
                .andIf(utc(search.createTimeEnd()), "create_time <= ?")
                .andIf(utc(search.paymentTimeBegin()), "payment_time >= ?")
                .andIf(utc(search.paymentTimeEnd()), "payment_time <= ?");
        String where = filters.where();
        Tuple countParams = filters.tuple();
        String direction = search.newestFirst() ? "DESC" : "ASC";
        int first = search.paging().offset();
        String page = " ORDER BY create_time " + direction + ", order_id " + direction + " LIMIT "
                + filters.bind(search.paging().limit()) + " OFFSET " + filters.bind(first);
        return pool.preparedQuery("SELECT count(*) AS total FROM customer_order" + where).execute(countParams)
                .map(rows -> rows.iterator().next().getLong("total"))
                .flatMap(total -> total <= first ? Uni.createFrom().item(new OrderPage(total, List.of(), Map.of()))
                        : pool.preparedQuery("SELECT * FROM customer_order" + where + page).execute(filters.tuple())
                                .map(rows -> {
                                    List<CustomerOrder> orders = new ArrayList<>();
                                    rows.forEach(row -> orders.add(CustomerOrder.of(row)));
                                    return orders;
                                })
                                .flatMap(orders -> discountsOf(orders)
                                        .map(discounts -> new OrderPage(total, orders, discounts))));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase();
    }

    private Uni<Map<String, List<OrderDiscount>>> discountsOf(List<CustomerOrder> orders) {
        String[] ids = orders.stream().map(o -> o.orderId).toArray(String[]::new);
        return pool.preparedQuery("SELECT * FROM order_discount WHERE order_id = ANY($1) ORDER BY discount_type")
                .execute(Tuple.of(ids)).map(rows -> {
                    Map<String, List<OrderDiscount>> byOrder = new LinkedHashMap<>();
                    rows.forEach(row -> byOrder.computeIfAbsent(row.getString("order_id"), id -> new ArrayList<>())
                            .add(OrderDiscount.of(row)));
                    return byOrder;
                });
    }
}
