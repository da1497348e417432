package io.openbss.gateway.identity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An AK/SK pair of a user; the secret key is kept encrypted ({@link SecretKeyCipher}). */
@Entity
@Table(name = "access_key")
public class AccessKey extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";

    @Id
    @Column(name = "access_key")
    public String accessKey;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "domain_id")
    public String domainId;

    @Column(name = "secret_ciphertext")
    public byte[] secretCiphertext;

    @Column(name = "status")
    public String status;

    @Column(name = "description")
    public String description;

    @Column(name = "created_at")
    public Instant createdAt;

    @Override
    public String toString() {
        return "AccessKey[" + accessKey + ", " + status + "]";
    }
}
