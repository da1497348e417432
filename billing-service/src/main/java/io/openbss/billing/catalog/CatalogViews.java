package io.openbss.billing.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The catalog operations' answers, as the SDK's models name them. */
public final class CatalogViews {

    private CatalogViews() {
    }

    public record ServiceTypeList(@JsonProperty("total_count") long totalCount,
            @JsonProperty("service_types") List<ServiceTypeView> serviceTypes) {
    }

    public record ServiceTypeView(@JsonProperty("service_type_name") String name,
            @JsonProperty("service_type_code") String code, @JsonProperty("abbreviation") String abbreviation) {
    }

    public record ResourceTypeList(@JsonProperty("total_count") long totalCount,
            @JsonProperty("resource_types") List<ResourceTypeView> resourceTypes) {
    }

    public record ResourceTypeView(@JsonProperty("resource_type_code") String code,
            @JsonProperty("resource_type_name") String name, @JsonProperty("resource_type_desc") String description,
            @JsonProperty("service_type_code") String serviceTypeCode) {
    }

    public record ServiceResourceList(@JsonProperty("total_count") long totalCount,
            @JsonProperty("infos") List<ServiceResourceInfo> infos) {
    }

    public record ServiceResourceInfo(@JsonProperty("basic_info") BasicInfo basicInfo) {
    }

    public record BasicInfo(@JsonProperty("resource_type_code") String resourceTypeCode,
            @JsonProperty("product_owner_service") String productOwnerService, @JsonProperty("name") String name,
            @JsonProperty("description") String description) {
    }

    public record UsageTypeList(@JsonProperty("total_count") long totalCount,
            @JsonProperty("usage_types") List<UsageTypeView> usageTypes) {
    }

    public record UsageTypeView(@JsonProperty("code") String code, @JsonProperty("name") String name,
            @JsonProperty("resource_type_code") String resourceTypeCode,
            @JsonProperty("service_type_code") String serviceTypeCode,
            @JsonProperty("resource_type_name") String resourceTypeName,
            @JsonProperty("service_type_name") String serviceTypeName) {
    }

    public record MeasureUnitList(@JsonProperty("measure_units") List<MeasureUnitView> measureUnits) {
    }

    public record MeasureUnitView(@JsonProperty("measure_id") int measureId,
            @JsonProperty("measure_name") String measureName, @JsonProperty("abbreviation") String abbreviation,
            @JsonProperty("measure_type") int measureType) {
    }

    public record ConversionList(@JsonProperty("conversions") List<ConversionView> conversions) {
    }

    public record ConversionView(@JsonProperty("measure_id") int measureId,
            @JsonProperty("ref_measure_id") int refMeasureId, @JsonProperty("conversion_ratio") long conversionRatio,
            @JsonProperty("measure_type") int measureType) {
    }
}
