package io.openbss.billing.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cloud service (hws.service.type.*). */
@Entity
@Table(name = "service_type")
public class ServiceType extends PanacheEntityBase {

    @Id
    @Column(name = "service_type_code")
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "abbreviation")
    public String abbreviation;
}
