package io.openbss.billing.catalog;

import static io.openbss.common.request.RequestParameters.optionalInt;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;
import static io.openbss.common.request.RequestParameters.sentOrNull;

import io.openbss.billing.catalog.CatalogViews.BasicInfo;
import io.openbss.billing.catalog.CatalogViews.ConversionList;
import io.openbss.billing.catalog.CatalogViews.ConversionView;
import io.openbss.billing.catalog.CatalogViews.MeasureUnitList;
import io.openbss.billing.catalog.CatalogViews.MeasureUnitView;
import io.openbss.billing.catalog.CatalogViews.ResourceTypeList;
import io.openbss.billing.catalog.CatalogViews.ResourceTypeView;
import io.openbss.billing.catalog.CatalogViews.ServiceResourceInfo;
import io.openbss.billing.catalog.CatalogViews.ServiceResourceList;
import io.openbss.billing.catalog.CatalogViews.ServiceTypeList;
import io.openbss.billing.catalog.CatalogViews.ServiceTypeView;
import io.openbss.billing.catalog.CatalogViews.UsageTypeList;
import io.openbss.billing.catalog.CatalogViews.UsageTypeView;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.request.Language;
import io.openbss.common.request.Paging;
import io.openbss.common.sql.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The product catalog: services, resource types, usage types, measure units and conversions. */
@Path("/v2")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class CatalogResource {

    @Inject
    Pool pool;

    @GET
    @Path("/products/service-types")
    @Operation(operationId = "ListServiceTypes")
    public Uni<ServiceTypeList> serviceTypes(@HeaderParam(Language.HEADER) String language,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Language lang = Language.of(language);
        Paging paging = Paging.of(offset, limit, 10, 1000);
        return count("SELECT count(*) FROM service_type", Tuple.tuple())
                .flatMap(total -> pool.preparedQuery("SELECT * FROM service_type ORDER BY service_type_code"
                                + " LIMIT $1 OFFSET $2").execute(Tuple.of(paging.limit(), paging.offset()))
                        .map(rows -> new ServiceTypeList(total, rows.stream().map(ServiceType::of)
                                .map(t -> new ServiceTypeView(lang.pick(t.nameZh(), t.nameEn()), t.code(),
                                        t.abbreviation()))
                                .toList())));
    }

    /** The older path of ListServiceTypes, named by the seed documents: every service type at once. */
    @GET
    @Path("/bases/service-types")
    @Operation(operationId = "ListServiceTypesLegacy")
    public Uni<ServiceTypeList> serviceTypesLegacy(@HeaderParam(Language.HEADER) String language) {
        Language lang = Language.of(language);
        return pool.query("SELECT * FROM service_type ORDER BY service_type_code").execute()
                .map(rows -> new ServiceTypeList(rows.size(), rows.stream().map(ServiceType::of)
                        .map(t -> new ServiceTypeView(lang.pick(t.nameZh(), t.nameEn()), t.code(), t.abbreviation()))
                        .toList()));
    }

    @GET
    @Path("/products/resource-types")
    @Operation(operationId = "ListResourceTypes")
    public Uni<ResourceTypeList> resourceTypes(@HeaderParam(Language.HEADER) String language,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Language lang = Language.of(language);
        Paging paging = Paging.of(offset, limit, 10, 1000);
        return count("SELECT count(*) FROM resource_type", Tuple.tuple())
                .flatMap(total -> pool.preparedQuery("SELECT * FROM resource_type ORDER BY resource_type_code"
                                + " LIMIT $1 OFFSET $2").execute(Tuple.of(paging.limit(), paging.offset()))
                        .map(rows -> new ResourceTypeList(total, rows.stream().map(ResourceType::of)
                                .map(t -> new ResourceTypeView(t.code(), lang.pick(t.nameZh(), t.nameEn()),
                                        lang.pick(t.descZh(), t.descEn()), t.serviceTypeCode()))
                                .toList())));
    }

    @GET
    @Path("/products/service-resources")
    @Operation(operationId = "ListServiceResources")
    public Uni<ServiceResourceList> serviceResources(@HeaderParam(Language.HEADER) String language,
            @QueryParam("service_type_code") String serviceTypeCode, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        Language lang = Language.of(language);
        String service = requiredText("service_type_code", serviceTypeCode, 64);
        Paging paging = Paging.of(offset, limit, 10, 100);
        String where = " FROM resource_type WHERE lower(service_type_code) = $1";
        return count("SELECT count(*)" + where, Tuple.of(service.toLowerCase()))
                .flatMap(total -> pool.preparedQuery("SELECT *" + where
                                + " ORDER BY resource_type_code LIMIT $2 OFFSET $3")
                        .execute(Tuple.of(service.toLowerCase(), paging.limit(), paging.offset()))
                        .map(rows -> new ServiceResourceList(total, rows.stream().map(ResourceType::of)
                                .map(t -> new ServiceResourceInfo(new BasicInfo(t.code(), t.serviceTypeCode(),
                                        lang.pick(t.nameZh(), t.nameEn()), lang.pick(t.descZh(), t.descEn()))))
                                .toList())));
    }

    @GET
    @Path("/products/usage-types")
    @Operation(operationId = "ListUsageTypes")
    public Uni<UsageTypeList> usageTypes(@HeaderParam(Language.HEADER) String language,
            @QueryParam("resource_type_code") String resourceTypeCode, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        Language lang = Language.of(language);
        String resourceType = sentOrNull(uri, "resource_type_code", resourceTypeCode);
        if (resourceType != null && !resourceType.isEmpty()) {
            optionalText("resource_type_code", resourceType, 64);
        }
        Paging paging = Paging.of(offset, limit, 10, 100);
        // an empty resource_type_code is a filter too, one that matches nothing
        SqlQuery filters = SqlQuery.sql().andIf(resourceType, "resource_type_code = ?");
        String where = " FROM usage_type" + filters.where();
        Tuple countParams = filters.tuple();
        String page = " ORDER BY resource_type_code, usage_type_code LIMIT " + filters.bind(paging.limit())
                + " OFFSET " + filters.bind(paging.offset());
        return count("SELECT count(*)" + where, countParams)
                .flatMap(total -> pool.preparedQuery("SELECT *" + where + page).execute(filters.tuple())
                        .map(rows -> rows.stream().map(UsageType::of).toList())
                        .flatMap(usageTypes -> names().map(names -> new UsageTypeList(total, usageTypes.stream()
                                .map(u -> {
                                    ResourceType rt = names.resourceTypes().get(u.resourceTypeCode());
                                    ServiceType st = names.serviceTypes().get(rt.serviceTypeCode());
                                    return new UsageTypeView(u.code(), lang.pick(u.nameZh(), u.nameEn()),
                                            u.resourceTypeCode(), st.code(), lang.pick(rt.nameZh(), rt.nameEn()),
                                            lang.pick(st.nameZh(), st.nameEn()));
                                }).toList()))));
    }

    @GET
    @Path("/bases/measurements")
    @Operation(operationId = "ListMeasureUnits")
    public Uni<MeasureUnitList> measureUnits(@HeaderParam(Language.HEADER) String language) {
        Language lang = Language.of(language);
        return pool.query("SELECT * FROM measure_unit ORDER BY measure_id").execute()
                .map(rows -> new MeasureUnitList(rows.stream().map(MeasureUnit::of)
                        .map(u -> new MeasureUnitView(u.measureId(), lang.pick(u.nameZh(), u.nameEn()),
                                u.abbreviation(), u.measureType())).toList()));
    }

    @GET
    @Path("/bases/conversions")
    @Operation(operationId = "ListConversions")
    public Uni<ConversionList> conversions(@HeaderParam(Language.HEADER) String language,
            @QueryParam("measure_type") String measureType) {
        Language.of(language);
        Integer type = optionalInt("measure_type", measureType, 1, Integer.MAX_VALUE, null);
        SqlQuery filters = SqlQuery.sql().andIf(type, "measure_type = ?");
        return pool.preparedQuery("SELECT * FROM measure_conversion" + filters.where()
                        + " ORDER BY measure_id, ref_measure_id").execute(filters.tuple())
                .map(rows -> new ConversionList(rows.stream().map(MeasureConversion::of)
                        .map(c -> new ConversionView(c.measureId(), c.refMeasureId(), c.ratio(), c.measureType()))
                        .toList()));
    }

    private record Names(Map<String, ResourceType> resourceTypes, Map<String, ServiceType> serviceTypes) {
    }

    private Uni<Names> names() {
        return pool.query("SELECT * FROM resource_type").execute()
                .flatMap(rts -> pool.query("SELECT * FROM service_type").execute()
                        .map(sts -> new Names(rts.stream().map(ResourceType::of).collect(Collectors.toMap(
                                ResourceType::code, Function.identity())), sts.stream().map(ServiceType::of)
                                .collect(Collectors.toMap(ServiceType::code, Function.identity())))));
    }

    private Uni<Long> count(String query, Tuple params) {
        return pool.preparedQuery(query).execute(params).map(rows -> rows.iterator().next().getLong(0));
    }
}
