package io.openbss.orders.imports;

import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.client.BillingModels;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.openbss.orders.resources.ExpirePolicy;
import io.openbss.orders.resources.ResourceTransitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Internal API: operators bring existing yearly/monthly resources (idempotent: a known resource is left as it is).
 * Billing's catalog names each resource's product, as it does for a purchase.
 */
@Path("/internal/v1/subscriptions/imports")
@RolesAllowed(InternalToken.GROUP_OPERATOR)
public class ResourceImportResource {

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    ImportedProducts products;

    public record Imported(int imported) {
    }

    @POST
    @Operation(summary = "Import yearly/monthly resources (in use; the lifecycle expires those past their expiry) of "
            + "orders already recorded for their customers, each a product billing sells; answers how many were "
            + "imported")
    public Uni<Imported> importResources(ResourceImport request) {
        if (request == null) {
            throw BssException.badParameter("body", "is required");
        }
        request.validate();
        return products.of(request.resources()).flatMap(rated -> insert(request.resources(), rated));
    }

    /** Each resource as its catalog product, with the product's longest period as purchases record it. */
    private Uni<Imported> insert(List<ResourceImport.Resource> resources, List<BillingModels.RatedProduct> rated) {
        OffsetDateTime now = utc(clock.instant());
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            ResourceImport.Resource r = resources.get(i);
            BillingModels.RatedProduct product = rated.get(i);
            Integer policy = r.expirePolicy() == null ? ExpirePolicy.GRACE.code() : r.expirePolicy();
            boolean autoRenewed = policy == ExpirePolicy.AUTO_RENEW.code();
            Integer left = autoRenewed && r.autoRenewTimes() != null && r.autoRenewTimes() > 0 ? r.autoRenewTimes()
                    : null;
            List<Object> values = new ArrayList<>(Arrays.asList(r.resourceId(), r.customerId(), r.mainResourceId(),
                    r.orderId(), r.serviceTypeCode(),
                    r.serviceTypeName() == null ? r.serviceTypeCode() : r.serviceTypeName(), r.resourceTypeCode(),
                    r.resourceSpecCode(), r.regionCode(), product.productId(), product.specDescZh(), r.resourceName(),
                    r.resourceSize(), r.sizeMeasureId(), utc(r.effective()), utc(r.expire()), policy, left,
                    r.months(), product.maxPeriodMonths(), now, r.periodType(), r.periodNum(),
                    product.resourceTypeName()));
            values.addAll(r.projects().columns());
            values.add(ResourceTransitions.PROVISIONED.code());
            rows.add(Tuple.from(values));
        }
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        INSERT INTO subscription (resource_id, customer_id, main_resource_id, order_id,
                            service_type_code, service_type_name, resource_type_code, resource_spec_code,
                            region_code, product_id, product_spec_desc, resource_name, resource_size, size_measure_id,
                            status, effective_time, expire_time, expire_policy, auto_renew_left, bought_months,
                            max_period_months, update_time, period_type, period_num, resource_type_name, project_id,
                            enterprise_project_id, enterprise_project_name)
                        SELECT $1, $2::text, $3, $4::text, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                               $28, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27
                          FROM customer_order o WHERE o.order_id = $4::text AND o.customer_id = $2::text
                        ON CONFLICT (resource_id) DO NOTHING""").executeBatch(rows))
                .map(result -> {
                    int imported = 0;
                    for (var rowSet = result; rowSet != null; rowSet = rowSet.next()) {
                        imported += rowSet.rowCount();
                    }
                    return new Imported(imported);
                })
                .onFailure(e -> e.getMessage() != null && e.getMessage().contains("subscription_main_resource_id_fkey"))
                .transform(e -> new BssException(ErrorCode.INVALID_PARAMETER,
                        "main_resource_id names a resource that is not imported yet: import main resources first"));
    }
}
