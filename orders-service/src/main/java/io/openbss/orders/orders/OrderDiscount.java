package io.openbss.orders.orders;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** One discount applied to an order (DiscountItemV2). */
@Entity
@Table(name = "order_discount")
@IdClass(OrderDiscount.Key.class)
public class OrderDiscount extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public String orderId;

    @Id
    @Column(name = "discount_type")
    public String discountType;

    @Column(name = "discount_amount")
    public BigDecimal discountAmount;

    public record Key(String orderId, String discountType) implements Serializable {
    }
}
