package io.openbss.gateway.identity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user of an account: its root user (the account itself) or an IAM user created under it. */
@Entity
@Table(name = "iam_user")
public class IamUser extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "domain_id")
    public String domainId;

    @Column(name = "name")
    public String name;

    @Column(name = "root")
    public boolean root;

    @Column(name = "enabled")
    public boolean enabled;

    /** bcrypt of the password ({@link PasswordHasher}), or null for users that sign in with keys only. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Override
    public String toString() {
        return "IamUser[" + userId + ", " + name + "]";
    }
}
