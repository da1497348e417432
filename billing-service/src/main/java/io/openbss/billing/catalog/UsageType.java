package io.openbss.billing.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** What a resource type is metered by (Duration, downflow, ...), in which unit. */
@Entity
@Table(name = "usage_type")
@IdClass(UsageType.Key.class)
public class UsageType extends PanacheEntityBase {

    @Id
    @Column(name = "resource_type_code")
    public String resourceTypeCode;

    @Id
    @Column(name = "usage_type_code")
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "measure_id")
    public int measureId;

    public record Key(String resourceTypeCode, String code) implements Serializable {
    }
}
