package io.openbss.billing.freeresources;

import static io.openbss.billing.query.Columns.wire;
import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.common.identity.CurrentCaller;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.sql.SqlQuery;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's resource packages and what is left of their quotas. */
@Path("/v3/payments/free-resources/query")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class FreeResourcePackagesResource {

    /** 0 not yet in force, 1 in force, 2 used up, 3 expired, 4 unsubscribed. */
    static final String STATUS = """
            CASE WHEN p.unsubscribed_at IS NOT NULL THEN 4
                 WHEN p.expire_time <= :now THEN 3
                 WHEN p.effective_time > :now THEN 0
                 WHEN p.quota_reuse_mode = 2 AND NOT EXISTS (SELECT 1 FROM free_resource f
                      WHERE f.package_id = p.package_id AND f.used < f.amount) THEN 2
                 ELSE 1 END""";

    @Inject
    Pool pool;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    public record PackageQuery(String regionCode,
            String orderId, String productId,
            String productName,
            String enterpriseProjectId, Integer status,
            Integer offset, Integer limit,
            List<String> serviceTypeCodeList) {
    }

    public record PackageList(List<PackageView> freeResourcePackages,
            long totalCount) {
    }

    /** FreeResourcePackageV3. */
    public record PackageView(String orderInstanceId,
            String orderId, String productId,
            String productName,
            String enterpriseProjectId,
            int enterpriseProjectScope,
            String effectiveTime, String expireTime,
            int status, String serviceTypeCode,
            String serviceTypeName, String regionCode,
            int sourceType, String bundleType,
            int quotaReuseMode,
            List<Quota> freeResources) {
    }

    /** FreeResourceV3. */
    public record Quota(String freeResourceId,
            String usageTypeName, String amount,
            String originalAmount, int measureId) {
    }

    @POST
    @Operation(operationId = "ListFreeResourceInfos", summary = "The caller's resource packages")
    public Uni<PackageList> packages(@HeaderParam(Language.HEADER) String language, PackageQuery body) {
        Language lang = Language.of(language);
        PackageQuery q = body == null ? new PackageQuery(null, null, null, null, null, null, null, null, null) : body;
        checkRange("status", q.status(), 0, 4, null);
        int offset = checkRange("offset", q.offset(), 0, 999_999, 0);
        int limit = checkRange("limit", q.limit(), 1, 100, 10);
        OffsetDateTime now = now();
        SqlQuery query = SqlQuery.sql();
        String status = STATUS.replace(":now", query.bind(now));
        query.and("p.customer_id = ?", caller.get().customerId())
                .andIf(optionalText("region_code", q.regionCode(), 64), "p.region_code = ?")
                .andIf(optionalText("order_id", q.orderId(), 64), "p.order_id = ?")
                .andIf(optionalText("product_id", q.productId(), 64), "p.product_id = ?")
                .andIf(optionalText("product_name", q.productName(), 256), "p.product_name = ?")
                .andIf(optionalText("enterprise_project_id", q.enterpriseProjectId(), 64), "p.enterprise_project_id = ?")
                .andIf(q.status(), "(" + status + ") = ?");
        if (q.serviceTypeCodeList() != null && !q.serviceTypeCodeList().isEmpty()) {
            query.and("p.service_type_code = ANY(?)", (Object) q.serviceTypeCodeList().toArray(String[]::new));
        }
        String from = " FROM free_resource_package p LEFT JOIN service_type st ON st.service_type_code = "
                + "p.service_type_code" + query.where();
        return pool.preparedQuery("SELECT count(*) AS n" + from).execute(query.tuple())
                .flatMap(count -> pool.preparedQuery("SELECT p.*, st.name_zh, st.name_en, " + status + " AS status"
                                + from + " ORDER BY p.effective_time DESC, p.package_id LIMIT " + query.bind(limit)
                                + " OFFSET " + query.bind(offset)).execute(query.tuple())
                        .flatMap(rows -> {
                            List<Row> packages = new ArrayList<>();
                            rows.forEach(packages::add);
                            return quotas(packages.stream().map(p -> p.getString("package_id")).toList(), lang)
                                    .map(quotas -> new PackageList(packages.stream().map(p -> new PackageView(
                                            p.getString("package_id"), p.getString("order_id"),
                                            p.getString("product_id"), p.getString("product_name"),
                                            p.getString("enterprise_project_id"),
                                            p.getString("enterprise_project_id") == null ? 0 : 1,
                                            wire(p, "effective_time"), wire(p, "expire_time"), p.getInteger("status"),
                                            p.getString("service_type_code"),
                                            lang.pick(p.getString("name_zh"), p.getString("name_en")),
                                            p.getString("region_code"), p.getShort("source_type"), "ATOMIC_PKG",
                                            p.getShort("quota_reuse_mode"),
                                            quotas.getOrDefault(p.getString("package_id"), List.of()).stream()
                                                    .map(QuotaRow::view).toList()))
                                            .toList(), count.iterator().next().getLong("n")));
                        }));
    }

    private Uni<Map<String, List<QuotaRow>>> quotas(List<String> packageIds, Language lang) {
        if (packageIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String cycle = BssTime.businessDate(clock.instant()).toString().substring(0, 7);
        return pool.preparedQuery("""
                        SELECT f.*, p.quota_reuse_mode, u.name_zh, u.name_en
                          FROM free_resource f JOIN free_resource_package p ON p.package_id = f.package_id
                          LEFT JOIN usage_type u ON u.resource_type_code = f.resource_type_code
                                                AND u.usage_type_code = f.usage_type_code
                         WHERE f.package_id = ANY($1) ORDER BY f.free_resource_id""")
                .execute(Tuple.of((Object) packageIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<QuotaRow>> byPackage = new LinkedHashMap<>();
                    rows.forEach(r -> byPackage.computeIfAbsent(r.getString("package_id"), k -> new ArrayList<>())
                            .add(QuotaRow.of(r, cycle, lang)));
                    return byPackage;
                });
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
