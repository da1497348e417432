package io.openbss.billing.rating;

import static io.openbss.common.request.RequestParameters.optionalInstant;
import static io.openbss.common.request.RequestParameters.optionalText;
import static io.openbss.common.request.RequestParameters.requiredText;
import static io.openbss.common.time.BssTime.utc;

import io.openbss.billing.customers.Customer;
import io.openbss.common.discount.DiscountKind;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import io.openbss.common.time.BssTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Internal API: an operator grants (or changes) a customer's commercial discount. */
@Path("/internal/v1/customers/{customer_id}/discounts/{discount_id}")
@RolesAllowed(InternalToken.GROUP_OPERATOR)
public class CommercialDiscountAdminResource {

    @Inject
    Pool pool;

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
    @Operation(summary = "Grant or change a customer's commercial discount (pay discount_rate of the official price)")
    public Uni<DiscountGrant> grant(@PathParam("customer_id") String customerId,
            @PathParam("discount_id") String discountId, DiscountGrant grant) {
        requiredText("discount_id", discountId, 64);
        if (grant == null) {
            throw BssException.badParameter("body", "is required");
        }
        grant.validate();
        return pool.withTransaction(connection -> Customer.requireRegistered(connection, customerId)
                        .chain(() -> grant.serviceTypeCode() == null ? Uni.createFrom().voidItem()
                                : requireServiceType(connection, grant.serviceTypeCode()))
                        .chain(() -> connection.preparedQuery("""
                                        INSERT INTO commercial_discount (discount_id, customer_id, name,
                                            service_type_code, charging_mode, discount_rate, discount_type,
                                            valid_from, valid_to)
                                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                                        ON CONFLICT (discount_id) DO UPDATE SET name = EXCLUDED.name,
                                            service_type_code = EXCLUDED.service_type_code,
                                            charging_mode = EXCLUDED.charging_mode,
                                            discount_rate = EXCLUDED.discount_rate,
                                            discount_type = EXCLUDED.discount_type,
                                            valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to
                                         WHERE commercial_discount.customer_id = EXCLUDED.customer_id
                                        RETURNING discount_id""")
                                .execute(Tuple.from(Arrays.asList(discountId, customerId, grant.name(),
                                        grant.serviceTypeCode(),
                                        grant.chargingMode() == null ? null : grant.chargingMode().shortValue(),
                                        Numeric.create(grant.discountRate()), DiscountKind.COMMERCIAL.code(),
                                        utc(BssTime.parseWire(grant.validFrom())),
                                        utc(BssTime.parseWire(grant.validTo())))))))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        // the id is a discount of another customer
                        throw BssException.foreignObject("discount " + discountId);
                    }
                })
                .replaceWith(grant);
    }

    private static Uni<Void> requireServiceType(SqlConnection connection, String serviceTypeCode) {
        return connection.preparedQuery("SELECT 1 FROM service_type WHERE service_type_code = $1")
                .execute(Tuple.of(serviceTypeCode)).invoke(rows -> {
                    if (rows.size() == 0) {
                        throw BssException.badParameter("service_type_code", "is not a known service type");
                    }
                }).replaceWithVoid();
    }
}
