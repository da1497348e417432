package io.openbss.billing.freeresources;

import static io.openbss.common.request.RequestParameters.requiredText;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.hash.Sha256;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: resource packages granted by operators or bought through orders, and their unsubscription. */
@Path("/internal/v1/free-resource-packages")
@RolesAllowed({InternalToken.GROUP_SERVICE, InternalToken.GROUP_OPERATOR})
public class PackageAdminResource {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public record Granted(String packageId,
            List<String> freeResourceIds) {
    }

    @POST
    @Operation(summary = "Grant a resource package (idempotent; its id derives from the key)")
    public Uni<Granted> grant(PackageGrant grant) {
        if (grant == null) {
            throw BssException.badParameter("body", "is required");
        }
        grant.validate();
        String packageId = "FRP" + Sha256.hex("package|" + grant.idempotencyKey()).substring(0, 21);
        List<String> ids = new ArrayList<>();
        List<Tuple> quotas = new ArrayList<>();
        for (int i = 0; i < grant.freeResources().size(); i++) {
            PackageGrant.Quota q = grant.freeResources().get(i);
            String id = packageId + "-" + (i + 1);
            ids.add(id);
            quotas.add(Tuple.of(id, packageId, q.resourceTypeCode(), q.usageTypeCode(), Numeric.create(q.amount()),
                    q.measureId()));
        }
        OffsetDateTime now = utc(clock.instant());
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        INSERT INTO free_resource_package (package_id, customer_id, order_id, product_id, product_name,
                            service_type_code, region_code, enterprise_project_id, effective_time, expire_time,
                            quota_reuse_mode, source_type, created_at)
                        SELECT $1, $2::varchar, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13
                         WHERE EXISTS (SELECT 1 FROM customer WHERE customer_id = $2::varchar)
                        ON CONFLICT (package_id) DO NOTHING
                        RETURNING package_id""")
                .execute(Tuple.from(Arrays.asList(packageId, grant.customerId(), grant.orderId(), grant.productId(),
                        grant.productName(), grant.serviceTypeCode(), grant.regionCode(), grant.enterpriseProjectId(),
                        time(grant.effectiveTime()), time(grant.expireTime()),
                        (short) (grant.quotaReuseMode() == null ? 2 : grant.quotaReuseMode()),
                        (short) (grant.orderId() == null ? 1 : 0), now)))
                .flatMap(inserted -> inserted.size() == 0 ? existing(connection, packageId, grant)
                        : connection.preparedQuery("""
                                        INSERT INTO free_resource (free_resource_id, package_id, resource_type_code,
                                                                   usage_type_code, amount, measure_id)
                                        VALUES ($1, $2, $3, $4, $5, $6)""")
                                .executeBatch(quotas).replaceWithVoid()))
                .replaceWith(new Granted(packageId, ids));
    }

    @DELETE
    @Path("/{package_id}")
    @Operation(summary = "Unsubscribe a resource package: it covers no further usage")
    public Uni<Void> unsubscribe(@PathParam("package_id") String packageId) {
        requiredText("package_id", packageId, 64);
        return pool.preparedQuery("""
                        UPDATE free_resource_package SET unsubscribed_at = coalesce(unsubscribed_at, $2)
                         WHERE package_id = $1""")
                .execute(Tuple.of(packageId, utc(clock.instant())))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER, "No resource package " + packageId);
                    }
                }).replaceWithVoid();
    }

    private static Uni<Void> existing(SqlConnection connection, String packageId,
            PackageGrant grant) {
        return connection.preparedQuery("SELECT customer_id FROM free_resource_package WHERE package_id = $1")
                .execute(Tuple.of(packageId)).invoke(rows -> {
                    if (rows.size() == 0) {
                        throw new BssException(ErrorCode.INVALID_PARAMETER,
                                "Customer " + grant.customerId() + " is not registered with billing");
                    }
                    if (!rows.iterator().next().getString("customer_id").equals(grant.customerId())) {
                        throw BssException.badParameter("idempotency key " + grant.idempotencyKey(),
                                "was already used for another customer's package");
                    }
                }).replaceWithVoid();
    }

    private static OffsetDateTime time(String wire) {
        return utc(BssTime.parseWire(wire));
    }
}
