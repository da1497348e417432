package io.openbss.billing.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One {@code measureId} is {@code ratio} of {@code refMeasureId} (1 GB = 1024 MB). */
@Entity
@Table(name = "measure_conversion")
@IdClass(MeasureConversion.Key.class)
public class MeasureConversion extends PanacheEntityBase {

    @Id
    @Column(name = "measure_id")
    public int measureId;

    @Id
    @Column(name = "ref_measure_id")
    public int refMeasureId;

    @Column(name = "conversion_ratio")
    public long ratio;

    @Column(name = "measure_type")
    public int measureType;

    public record Key(int measureId, int refMeasureId) implements Serializable {
    }
}
