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
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The product catalog: services, resource types, usage types, measure units and conversions. */
@Path("/v2")
@RolesAllowed(InternalToken.GROUP_CUSTOMER)
public class CatalogResource {

    @GET
    @Path("/products/service-types")
    @WithSession
    @Operation(operationId = "ListServiceTypes")
    public Uni<ServiceTypeList> serviceTypes(@HeaderParam(Language.HEADER) String language,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Language lang = Language.of(language);
        Paging paging = Paging.of(offset, limit, 10, 1000);
        return ServiceType.count().flatMap(total -> ServiceType.<ServiceType>findAll(Sort.by("code"))
                .range(paging.offset(), paging.lastIndex()).list()
                .map(types -> new ServiceTypeList(total, types.stream()
                        .map(t -> new ServiceTypeView(lang.pick(t.nameZh, t.nameEn), t.code, t.abbreviation))
                        .toList())));
    }

    /** The older path of ListServiceTypes, named by the seed documents: every service type at once. */
    @GET
    @Path("/bases/service-types")
    @WithSession
    @Operation(operationId = "ListServiceTypesLegacy")
    public Uni<ServiceTypeList> serviceTypesLegacy(@HeaderParam(Language.HEADER) String language) {
        Language lang = Language.of(language);
        return ServiceType.<ServiceType>listAll(Sort.by("code")).map(types -> new ServiceTypeList(types.size(),
                types.stream().map(t -> new ServiceTypeView(lang.pick(t.nameZh, t.nameEn), t.code, t.abbreviation))
                        .toList()));
    }

    @GET
    @Path("/products/resource-types")
    @WithSession
    @Operation(operationId = "ListResourceTypes")
    public Uni<ResourceTypeList> resourceTypes(@HeaderParam(Language.HEADER) String language,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Language lang = Language.of(language);
        Paging paging = Paging.of(offset, limit, 10, 1000);
        return ResourceType.count().flatMap(total -> ResourceType.<ResourceType>findAll(Sort.by("code"))
                .range(paging.offset(), paging.lastIndex()).list()
                .map(types -> new ResourceTypeList(total, types.stream().map(t -> new ResourceTypeView(t.code,
                        lang.pick(t.nameZh, t.nameEn), lang.pick(t.descZh, t.descEn), t.serviceTypeCode)).toList())));
    }

    @GET
    @Path("/products/service-resources")
    @WithSession
    @Operation(operationId = "ListServiceResources")
    public Uni<ServiceResourceList> serviceResources(@HeaderParam(Language.HEADER) String language,
            @QueryParam("service_type_code") String serviceTypeCode, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        Language lang = Language.of(language);
        String service = requiredText("service_type_code", serviceTypeCode, 64);
        Paging paging = Paging.of(offset, limit, 10, 100);
        return ResourceType.count("lower(serviceTypeCode) = ?1", service.toLowerCase())
                .flatMap(total -> ResourceType.<ResourceType>find("lower(serviceTypeCode) = ?1", Sort.by("code"),
                                service.toLowerCase())
                        .range(paging.offset(), paging.lastIndex()).list()
                        .map(types -> new ServiceResourceList(total, types.stream()
                                .map(t -> new ServiceResourceInfo(new BasicInfo(t.code, t.serviceTypeCode,
                                        lang.pick(t.nameZh, t.nameEn), lang.pick(t.descZh, t.descEn))))
                                .toList())));
    }

    @GET
    @Path("/products/usage-types")
    @WithSession
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
        String where = resourceType == null ? "1 = 1" : "resourceTypeCode = ?1";
        Object[] params = resourceType == null ? new Object[0] : new Object[] {resourceType};
        return UsageType.count(where, params).flatMap(total -> UsageType.<UsageType>find(where,
                        Sort.by("resourceTypeCode").and("code"), params)
                .range(paging.offset(), paging.lastIndex()).list()
                .flatMap(usageTypes -> names().map(names -> new UsageTypeList(total, usageTypes.stream().map(u -> {
                    ResourceType rt = names.resourceTypes().get(u.resourceTypeCode);
                    ServiceType st = names.serviceTypes().get(rt.serviceTypeCode);
                    return new UsageTypeView(u.code, lang.pick(u.nameZh, u.nameEn), u.resourceTypeCode, st.code,
                            lang.pick(rt.nameZh, rt.nameEn), lang.pick(st.nameZh, st.nameEn));
                }).toList()))));
    }

    @GET
    @Path("/bases/measurements")
    @WithSession
    @Operation(operationId = "ListMeasureUnits")
    public Uni<MeasureUnitList> measureUnits(@HeaderParam(Language.HEADER) String language) {
        Language lang = Language.of(language);
        return MeasureUnit.<MeasureUnit>listAll(Sort.by("measureId")).map(units -> new MeasureUnitList(units.stream()
                .map(u -> new MeasureUnitView(u.measureId, lang.pick(u.nameZh, u.nameEn), u.abbreviation,
                        u.measureType)).toList()));
    }

    @GET
    @Path("/bases/conversions")
    @WithSession
    @Operation(operationId = "ListConversions")
    public Uni<ConversionList> conversions(@HeaderParam(Language.HEADER) String language,
            @QueryParam("measure_type") String measureType) {
        Language.of(language);
        Integer type = optionalInt("measure_type", measureType, 1, Integer.MAX_VALUE, null);
        Uni<List<MeasureConversion>> conversions = type == null
                ? MeasureConversion.listAll(Sort.by("measureId").and("refMeasureId"))
                : MeasureConversion.list("measureType", Sort.by("measureId").and("refMeasureId"), type);
        return conversions.map(list -> new ConversionList(list.stream().map(c -> new ConversionView(c.measureId,
                c.refMeasureId, c.ratio, c.measureType)).toList()));
    }

    private record Names(Map<String, ResourceType> resourceTypes, Map<String, ServiceType> serviceTypes) {
    }

    private static Uni<Names> names() {
        return ResourceType.<ResourceType>listAll().flatMap(rts -> ServiceType.<ServiceType>listAll()
                .map(sts -> new Names(rts.stream().collect(Collectors.toMap(r -> r.code, Function.identity())),
                        sts.stream().collect(Collectors.toMap(s -> s.code, Function.identity())))));
    }
}
