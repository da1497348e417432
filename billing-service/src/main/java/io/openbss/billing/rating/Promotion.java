package io.openbss.billing.rating;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** A discount on yearly/monthly purchases open to every customer (促销折扣). */
@Entity
public class Promotion extends PanacheEntityBase {

    @Id
    @Column(name = "promotion_id")
    public String promotionId;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "service_type_code")
    public String serviceTypeCode;

    @Column(name = "period_type")
    public Integer periodType;

    @Column(name = "min_period_num")
    public int minPeriodNum;

    @Column(name = "discount_rate")
    public BigDecimal discountRate;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;
}
