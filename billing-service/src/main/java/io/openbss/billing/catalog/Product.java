package io.openbss.billing.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Formula;
import java.math.BigDecimal;

/** One spec of one resource type in one region, with its yearly/monthly prices (per unit of size if linear). */
@Entity
public class Product extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    public String productId;

    @Column(name = "service_type_code")
    public String serviceTypeCode;

    @Column(name = "resource_type_code")
    public String resourceTypeCode;

    @Column(name = "resource_spec")
    public String resourceSpec;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "spec_desc_zh")
    public String specDescZh;

    @Column(name = "spec_desc_en")
    public String specDescEn;

    /** The Chinese name of the product's resource type, read with the product so that rating needs no second query. */
    @Formula("(SELECT t.name_zh FROM resource_type t WHERE t.resource_type_code = resource_type_code)")
    public String resourceTypeNameZh;

    /** Set for linear products (disks, bandwidth): prices are per unit of this measure. */
    @Column(name = "size_measure_id")
    public Integer sizeMeasureId;

    @Column(name = "month_price")
    public BigDecimal monthPrice;

    @Column(name = "year_price")
    public BigDecimal yearPrice;

    @Column(name = "max_period_months")
    public int maxPeriodMonths;

    public boolean linear() {
        return sizeMeasureId != null;
    }
}
