package io.openbss.billing.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** The pay-per-use price of a product for one usage type, per unit of usage (and of size if linear). */
@Entity
@Table(name = "on_demand_price")
@IdClass(OnDemandPrice.Key.class)
public class OnDemandPrice extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    public String productId;

    @Id
    @Column(name = "usage_type_code")
    public String usageTypeCode;

    @Column(name = "usage_measure_id")
    public int usageMeasureId;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    public record Key(String productId, String usageTypeCode) implements Serializable {
    }
}
