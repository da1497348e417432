package io.openbss.gateway.accounts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The account that a creation request with this idempotency key made, and what the request asked for. */
@Entity
@Table(name = "domain_creation")
public class DomainCreation extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** {@link AccountRequests.NewAccount#fingerprint()}: the request without its password. */
    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "domain_id")
    public String domainId;

    @Column(name = "created_at")
    public Instant createdAt;
}
