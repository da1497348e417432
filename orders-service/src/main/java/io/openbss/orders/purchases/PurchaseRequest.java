package io.openbss.orders.purchases;

import static io.openbss.common.request.RequestParameters.checkRange;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.common.error.BssException;
import io.openbss.common.hash.Sha256;
import io.openbss.orders.resources.ProjectAssignment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A cloud service's new-purchase order for its customer: the products (resources) bought, each main resource with
 * its subordinates (a server with its disks). Idempotent by {@code idempotency_key}.
 */
public record PurchaseRequest(String idempotencyKey,
        String customerId,
        String payerCustomerId,
        List<Product> products) {

    /**
     * One resource to buy; {@code main_id} names the main resource's {@code id} for a subordinate one. The project
     * and enterprise project are where the cloud service places the resource, shown with it.
     */
    public record Product(String id, String mainId,
            String resourceId, String resourceName,
            String serviceTypeCode,
            String serviceTypeName,
            String resourceTypeCode,
            String resourceSpecCode,
            String regionCode, Integer resourceSize,
            Integer sizeMeasureId, Integer periodType,
            Integer periodNum, Integer subscriptionNum,
            String projectId,
            String enterpriseProjectId,
            String enterpriseProjectName) {

        public ProjectAssignment projects() {
            return ProjectAssignment.of(projectId, enterpriseProjectId, enterpriseProjectName);
        }
    }

    public void validate() {
        requiredText("idempotency_key", idempotencyKey, 128);
        requiredText("customer_id", customerId, 64);
        optionalText("payer_customer_id", payerCustomerId, 64);
        if (products == null || products.isEmpty() || products.size() > 100) {
            throw BssException.badParameter("products", "must hold 1 to 100 products");
        }
        Set<String> ids = new HashSet<>();
        Set<String> mains = new HashSet<>();
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            String at = "products[" + i + "].";
            if (p == null) {
                throw BssException.badParameter("products[" + i + "]", "must be an object");
            }
            if (!ids.add(requiredText(at + "id", p.id(), 64))) {
                throw BssException.badParameter(at + "id", "must be unique in the order");
            }
            optionalText(at + "resource_id", p.resourceId(), 64);
            optionalText(at + "resource_name", p.resourceName(), 256);
            requiredText(at + "service_type_code", p.serviceTypeCode(), 64);
            optionalText(at + "service_type_name", p.serviceTypeName(), 128);
            requiredText(at + "resource_type_code", p.resourceTypeCode(), 64);
            requiredText(at + "resource_spec_code", p.resourceSpecCode(), 128);
            requiredText(at + "region_code", p.regionCode(), 64);
            p.projects().validate(at);
            if (p.periodType() == null) {
                throw BssException.badParameter(at + "period_type", "is required: 2 (month) or 3 (year)");
            }
            int type = checkRange(at + "period_type", p.periodType(), 2, 3, null);
            if (p.periodNum() == null) {
                throw BssException.badParameter(at + "period_num", "is required");
            }
            checkRange(at + "period_num", p.periodNum(), 1, type == 2 ? 11 : 3, null);
            checkRange(at + "subscription_num", p.subscriptionNum(), 1, 100, 1);
            checkRange(at + "resource_size", p.resourceSize(), 1, Integer.MAX_VALUE, null);
            if (p.mainId() == null) {
                mains.add(p.id());
            }
        }
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            if (p.mainId() != null && !mains.contains(p.mainId())) {
                throw BssException.badParameter("products[" + i + "].main_id",
                        "must be the id of a main product of this order");
            }
        }
    }

    /** Equal for two requests exactly when they order the same. */
    public String contentHash() {
        StringBuilder content = new StringBuilder(customerId).append('|').append(payerCustomerId);
        for (Product p : products) {
            content.append('|').append(p);
        }
        return Sha256.hex(content.toString());
    }
}
