package io.openbss.billing.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A unit of measure (1 yuan, 4 hour, 10 GB of traffic, 15 Mbps, 17 GB of capacity, ...). */
@Entity
@Table(name = "measure_unit")
public class MeasureUnit extends PanacheEntityBase {

    public static final int YUAN = 1;

    @Id
    @Column(name = "measure_id")
    public int measureId;

    @Column(name = "measure_type")
    public int measureType;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "abbreviation")
    public String abbreviation;
}
