package io.openbss.billing.rating;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A discount granted to one customer (商务折扣). */
@Entity
@Table(name = "commercial_discount")
public class CommercialDiscount extends PanacheEntityBase {

    @Id
    @Column(name = "discount_id")
    public String discountId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "name")
    public String name;

    @Column(name = "service_type_code")
    public String serviceTypeCode;

    @Column(name = "charging_mode")
    public Integer chargingMode;

    @Column(name = "discount_rate")
    public BigDecimal discountRate;

    @Column(name = "discount_type")
    public int discountType;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;
}
