package io.openbss.gateway.identity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mobile phone (or other contact) that operators reported: no new account may be bound to it. */
@Entity
@Table(name = "reported_contact")
public class ReportedContact extends PanacheEntityBase {

    @Id
    @Column(name = "contact")
    public String contact;

    @Column(name = "reason")
    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;
}
