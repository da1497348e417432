package io.openbss.enterprise.organizations;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.openbss.common.error.BssException;
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

    /** Units are parties with numeric ids, as the API's parent_id and party_id expect. */
    public static String checkId(String parameter, String id) {
        if (id == null || !id.matches("[0-9]{1,32}")) {
            throw BssException.badParameter(parameter, "must be the numeric id of an organization unit");
        }
        return id;
    }

    /** The id of the relation between this unit and its parent. */
    public String relationId() {
        return parentId == null ? null : parentId + "-" + orgId;
    }
}
