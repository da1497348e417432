package io.openbss.billing.associations;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sub-account's association with its enterprise master, as enterprise-service reports it. */
@Entity
@Table(name = "enterprise_association")
public class EnterpriseAssociation extends PanacheEntityBase {

    @Id
    @Column(name = "sub_customer_id")
    public String subCustomerId;

    @Column(name = "master_customer_id")
    public String masterCustomerId;

    /** The master may see this sub-account's bills (financial custody, or a permission the sub-account granted). */
    @Column(name = "bills_visible")
    public boolean billsVisible;

    @Column(name = "financial_custody")
    public boolean financialCustody;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
