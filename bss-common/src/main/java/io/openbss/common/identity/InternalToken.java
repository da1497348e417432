package io.openbss.common.identity;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The internal identity token: a short-lived RS256 JWT that the gateway (or a calling service) signs and every
 * service verifies with smallrye-jwt. The claims are defined here once, for both sides.
 */
public final class InternalToken {

    public static final String ISSUER = "openbss";
    public static final String GROUP_CUSTOMER = "customer";
    public static final String GROUP_SERVICE = "service";
    public static final String GROUP_OPERATOR = "operator";

    static final String CUSTOMER_NAME = "bss_customer_name";
    static final String KIND = "bss_kind";
    static final String USER_ID = "bss_user_id";
    static final String USER_NAME = "bss_user_name";
    static final String SERVICE_TYPES = "bss_service_types";
    static final String UPSTREAM = "bss_upstream";

    private InternalToken() {
    }

    /** Signs a token for {@code caller}, valid for {@code lifespan}, for the service named {@code audience}. */
    public static String issue(CallerIdentity caller, String audience, Duration lifespan, PrivateKey key,
            Instant now) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(caller.customerId())
                .audience(audience)
                .groups(group(caller.kind()))
                .issuedAt(now)
                .expiresAt(now.plus(lifespan))
                .claim(KIND, caller.kind().wireName())
                .claim(CUSTOMER_NAME, caller.customerName());
        if (caller.userId() != null) {
            claims.claim(USER_ID, caller.userId()).claim(USER_NAME, caller.userName());
        }
        if (!caller.serviceTypes().isEmpty()) {
            claims.claim(SERVICE_TYPES, List.copyOf(caller.serviceTypes()));
        }
        if (caller.upstream()) {
            claims.claim(UPSTREAM, true);
        }
        return claims.jws().sign(key);
    }

    public static CallerIdentity read(JsonWebToken token) {
        Object types = token.getClaim(SERVICE_TYPES);
        Set<String> serviceTypes = new HashSet<>();
        if (types instanceof Collection<?> values) {
            values.forEach(v -> serviceTypes.add(v instanceof JsonString text ? text.getString() : v.toString()));
        }
        return new CallerIdentity(token.getSubject(), token.getClaim(CUSTOMER_NAME),
                CallerKind.fromWireName(token.getClaim(KIND)), token.getClaim(USER_ID), token.getClaim(USER_NAME),
                serviceTypes, upstream(token.getClaim(UPSTREAM)));
    }

    private static boolean upstream(Object claim) {
        return claim instanceof Boolean b ? b : claim instanceof JsonValue v && v == JsonValue.TRUE;
    }

    static String group(CallerKind kind) {
        return switch (kind) {
            case SERVICE -> GROUP_SERVICE;
            case OPERATOR -> GROUP_OPERATOR;
            default -> GROUP_CUSTOMER;
        };
    }
}
