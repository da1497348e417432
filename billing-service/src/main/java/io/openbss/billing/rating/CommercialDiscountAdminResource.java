package io.openbss.billing.rating;

import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;

import io.openbss.billing.catalog.ServiceType;
import io.openbss.billing.customers.Customer;
import io.openbss.common.discount.DiscountKind;
import io.openbss.common.error.BssException;
import io.openbss.common.error.ErrorCode;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.time.BssTime;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: an operator grants (or changes) a customer's commercial discount. */
@Path("/internal/v1/customers/{customer_id}/discounts/{discount_id}")
@RolesAllowed(InternalToken.GROUP_OPERATOR)
public class CommercialDiscountAdminResource {

    public record DiscountGrant(String name,
            String serviceTypeCode,
            Integer chargingMode,
            BigDecimal discountRate, String validFrom,
            String validTo) {

        void validate() {
            requiredText("name", name, 128);
            optionalText("service_type_code", serviceTypeCode, 64);
            if (chargingMode != null && chargingMode != 1 && chargingMode != 3) {
                throw BssException.badParameter("charging_mode", "must be 1 (yearly/monthly) or 3 (pay-per-use)");
            }
            if (discountRate == null || discountRate.signum() <= 0 || discountRate.compareTo(BigDecimal.ONE) > 0
                    || discountRate.scale() > 4) {
                throw BssException.badParameter("discount_rate", "must be in (0, 1] with at most 4 decimals");
            }
            Instant from = optionalInstant("valid_from", requiredText("valid_from", validFrom, 20));
            Instant to = optionalInstant("valid_to", requiredText("valid_to", validTo, 20));
            if (!to.isAfter(from)) {
                throw BssException.badParameter("valid_to", "must be after valid_from");
            }
        }
    }

    @PUT
    @WithTransaction
    @Operation(summary = "Grant or change a customer's commercial discount (pay discount_rate of the official price)")
    public Uni<DiscountGrant> grant(@PathParam("customer_id") String customerId,
            @PathParam("discount_id") String discountId, DiscountGrant grant) {
        requiredText("discount_id", discountId, 64);
        if (grant == null) {
            throw BssException.badParameter("body", "is required");
        }
        grant.validate();
        return Customer.findById(customerId).onItem().ifNull().failWith(() -> new BssException(
                        ErrorCode.INVALID_PARAMETER, "Customer " + customerId + " is not registered with billing"))
                .chain(() -> grant.serviceTypeCode() == null ? Uni.createFrom().item(true)
                        : ServiceType.findById(grant.serviceTypeCode()).map(type -> {
                            if (type == null) {
                                throw BssException.badParameter("service_type_code", "is not a known service type");
                            }
                            return true;
                        }))
                .chain(() -> CommercialDiscount.<CommercialDiscount>findById(discountId))
                .flatMap(existing -> {
                    if (existing != null && !existing.customerId.equals(customerId)) {
                        throw BssException.foreignObject("discount " + discountId);
                    }
                    CommercialDiscount discount = existing != null ? existing : new CommercialDiscount();
                    discount.discountId = discountId;
                    discount.customerId = customerId;
                    discount.name = grant.name();
                    discount.serviceTypeCode = grant.serviceTypeCode();
                    discount.chargingMode = grant.chargingMode();
                    discount.discountRate = grant.discountRate();
                    discount.discountType = DiscountKind.COMMERCIAL.code();
                    discount.validFrom = BssTime.parseWire(grant.validFrom());
                    discount.validTo = BssTime.parseWire(grant.validTo());
                    return existing != null ? Uni.createFrom().item(discount) : discount.persist();
                }).replaceWith(grant);
    }
}
