package io.openbss.billing.rating;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

/** What identifies a product in a price inquiry, shared by yearly/monthly and pay-per-use items. */
public record ProductSpec(String id, String serviceType, String resourceType, String resourceSpec, String region,
        Integer resourceSize, Integer sizeMeasureId) {

    static ProductSpec validated(String at, String id, String serviceType, String resourceType, String resourceSpec,
            String region, String availableZone, Integer resourceSize, Integer sizeMeasureId) {
        requiredText(at + "id", id, 64);
        requiredText(at + "cloud_service_type", serviceType, 64);
        requiredText(at + "resource_type", resourceType, 64);
        requiredText(at + "resource_spec", resourceSpec, 128);
        requiredText(at + "region", region, 64);
        optionalText(at + "available_zone", availableZone, 64);
        checkRange(at + "resource_size", resourceSize, 1, Integer.MAX_VALUE, null);
        checkRange(at + "size_measure_id", sizeMeasureId, 0, Integer.MAX_VALUE, null);
        return new ProductSpec(id, serviceType, resourceType, resourceSpec, region, resourceSize, sizeMeasureId);
    }
}
