package io.openbss.enterprise.organizations;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A unit of an enterprise's organization tree; the unit without a parent is the enterprise's root. */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    @Column(name = "org_id")
    public String orgId;

    @Column(name = "master_customer_id")
    public String masterCustomerId;

    @Column(name = "parent_id")
    public String parentId;

    @Column(name = "name")
    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}
