package io.openbss.billing.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resource type of a service (hws.resource.type.*). */
@Entity
@Table(name = "resource_type")
public class ResourceType extends PanacheEntityBase {

    @Id
    @Column(name = "resource_type_code")
    public String code;

    @Column(name = "service_type_code")
    public String serviceTypeCode;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "desc_zh")
    public String descZh;

    @Column(name = "desc_en")
    public String descEn;
}
