package io.openbss.enterprise.subcustomers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer account associated with an enterprise master as its sub-account. */
@Entity
@Table(name = "sub_customer")
public class SubCustomer extends PanacheEntityBase {

    @Id
    @Column(name = "sub_customer_id")
    public String subCustomerId;

    @Column(name = "master_customer_id")
    public String masterCustomerId;

    @Column(name = "account_name")
    public String accountName;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "status")
    public int status;

    @Column(name = "org_id")
    public String orgId;

    @Column(name = "association_type")
    public int associationType;

    @Column(name = "financial_custody")
    public boolean financialCustody;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "permission_ids")
    public List<String> permissionIds;

    @Column(name = "created_at")
    public Instant createdAt;
}
