package io.openbss.billing.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The catalog operations' answers, as the SDK's models name them. */
public final class CatalogViews {

    private CatalogViews() {
    }

    public record ServiceTypeList(long totalCount,
            List<ServiceTypeView> serviceTypes) {
    }

    public record ServiceTypeView(@JsonProperty("service_type_name") String name,
            @JsonProperty("service_type_code") String code, String abbreviation) {
    }

    public record ResourceTypeList(long totalCount,
            List<ResourceTypeView> resourceTypes) {
    }

    public record ResourceTypeView(@JsonProperty("resource_type_code") String code,
            @JsonProperty("resource_type_name") String name, @JsonProperty("resource_type_desc") String description,
            String serviceTypeCode) {
    }

    public record ServiceResourceList(long totalCount,
            List<ServiceResourceInfo> infos) {
    }

    public record ServiceResourceInfo(BasicInfo basicInfo) {
    }

    public record BasicInfo(String resourceTypeCode,
            String productOwnerService, String name,
            String description) {
    }

    public record UsageTypeList(long totalCount,
            List<UsageTypeView> usageTypes) {
    }

    public record UsageTypeView(String code, String name,
            String resourceTypeCode,
            String serviceTypeCode,
            String resourceTypeName,
            String serviceTypeName) {
    }

    public record MeasureUnitList(List<MeasureUnitView> measureUnits) {
    }

    public record MeasureUnitView(int measureId,
            String measureName, String abbreviation,
            int measureType) {
    }

    public record ConversionList(List<ConversionView> conversions) {
    }

    public record ConversionView(int measureId,
            int refMeasureId, long conversionRatio,
            int measureType) {
    }
}
