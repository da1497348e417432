package io.openbss.gateway.identity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A customer account ("domain" in IAM); its id is the customer id of the BSS API. */
@Entity
public class Domain extends PanacheEntityBase {

    @Id
    @Column(name = "domain_id")
    public String domainId;

    @Column(name = "name")
    public String name;

    @Convert(converter = DomainKindConverter.class)
    @Column(name = "kind")
    public DomainKind kind;

    @Column(name = "enabled")
    public boolean enabled;

    /** The account's mobile phone; sub-accounts may share their master's (bss.gateway.accounts-per-mobile-phone). */
    @Column(name = "mobile_phone")
    public String mobilePhone;

    @Column(name = "created_at")
    public Instant createdAt;
}
