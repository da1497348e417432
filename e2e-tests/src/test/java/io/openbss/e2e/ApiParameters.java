package io.openbss.e2e;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.huaweicloud.sdk.bss.v2.BssMeta;
import com.huaweicloud.sdk.core.http.Field;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;
import io.openbss.common.operations.Operation;
import io.openbss.common.operations.OperationTable;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters of every operation of the operation table: where each goes (path, query, header, body) and its
 * type. Read from the official SDK's request metadata ({@link BssMeta}: one {@link HttpRequestDef} per operation,
 * matched by method and path; a body is walked through its model class's {@code @JsonProperty} fields, nested
 * objects and list elements included). The operations the SDK lacks are written out here from
 * shared/api/operations.md and the services' resources.
 */
final class ApiParameters {

    enum Location { PATH, QUERY, HEADER, BODY }

    /** What a parameter holds, as far as choosing hostile values goes. */
    enum Type {
        STRING,
        /** A string holding a date, time, month or billing cycle. */
        DATE,
        /** A string holding an amount of money. */
        MONEY,
        INTEGER,
        NUMBER,
        BOOLEAN,
        OBJECT,
        LIST
    }

    /**
     * One parameter. A body parameter's name is its JSON path: {@code new_sub_customer.customer_name},
     * {@code product_infos[0].resource_size}, {@code resource_ids[0]} (a list's first element).
     */
    record Parameter(Location location, String name, Type type) {

        String label() {
            return location.name().toLowerCase() + ":" + name;
        }

        /** A top-level body field (not nested, not a list element). */
        boolean topLevel() {
            return location == Location.BODY && !name.contains(".") && !name.contains("[");
        }
    }

    private static final Pattern DATE_NAME = Pattern.compile(".*(time|date|cycle|month).*");
    private static final String MODEL_PACKAGE = "com.huaweicloud.sdk.bss.v2.model.";

    private ApiParameters() {
    }

    /** Every operation's parameters, in the table's order; an operation without parameters maps to an empty list. */
    static Map<String, List<Parameter>> of(OperationTable table) {
        Map<String, HttpRequestDef<?, ?>> sdk = sdkDefinitions();
        Map<String, List<Parameter>> all = new LinkedHashMap<>();
        for (Operation operation : table.all()) {
            HttpRequestDef<?, ?> def = sdk.get(operation.method() + " " + operation.pathTemplate());
            List<Parameter> parameters = def != null ? fromSdk(def) : EXTRAS.get(operation.name());
            if (parameters == null) {
                throw new IllegalStateException(operation.name() + " is neither in the SDK nor described here");
            }
            all.put(operation.name(), parameters);
        }
        return all;
    }

    /** The SDK's definition of an operation, by its method and path. */
    static Optional<HttpRequestDef<?, ?>> sdkDefinition(Operation operation) {
        return Optional.ofNullable(sdkDefinitions().get(operation.method() + " " + operation.pathTemplate()));
    }

    private static Map<String, HttpRequestDef<?, ?>> sdkDefinitions() {
        Map<String, HttpRequestDef<?, ?>> byRoute = new LinkedHashMap<>();
        try {
            for (java.lang.reflect.Field field : BssMeta.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && HttpRequestDef.class.isAssignableFrom(field.getType())) {
                    HttpRequestDef<?, ?> def = (HttpRequestDef<?, ?>) field.get(null);
                    byRoute.put(def.getMethod().name() + " " + def.getUri(), def);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("BssMeta's definitions are public", e);
        }
        return byRoute;
    }

    private static List<Parameter> fromSdk(HttpRequestDef<?, ?> def) {
        List<Parameter> parameters = new ArrayList<>();
        for (Field<?, ?> field : def.getRequestFields()) {
            LocationType location = field.getLocation();
            if (location == LocationType.Body) {
                walk(field.getFieldType(), "", parameters);
            } else if (location == LocationType.Path || location == LocationType.Query
                    || location == LocationType.Header) {
                parameters.add(new Parameter(Location.valueOf(location.name().toUpperCase()), field.getName(),
                        type(field.getName(), field.getFieldType())));
            }
        }
        return List.copyOf(parameters);
    }

    /** The {@code @JsonProperty} fields of a body model class, depth first. */
    private static void walk(Class<?> model, String prefix, List<Parameter> into) {
        for (java.lang.reflect.Field field : model.getDeclaredFields()) {
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            if (property == null) {
                continue;
            }
            String name = prefix + property.value();
            Type type = type(property.value(), field.getType());
            into.add(new Parameter(Location.BODY, name, type));
            if (type == Type.OBJECT) {
                walk(field.getType(), name + ".", into);
            } else if (type == Type.LIST) {
                Class<?> element = elementClass(field.getGenericType());
                Type elementType = type(property.value(), element);
                if (elementType == Type.OBJECT) {
                    walk(element, name + "[0].", into);
                } else {
                    into.add(new Parameter(Location.BODY, name + "[0]", elementType));
                }
            }
        }
    }

    private static Class<?> elementClass(java.lang.reflect.Type listType) {
        if (listType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return String.class;
    }

    private static Type type(String name, Class<?> javaType) {
        if (javaType == Integer.class || javaType == Long.class || javaType == int.class || javaType == long.class) {
            return Type.INTEGER;
        }
        if (javaType == BigDecimal.class || javaType == Double.class || javaType == Float.class) {
            return Type.NUMBER;
        }
        if (javaType == Boolean.class || javaType == boolean.class) {
            return Type.BOOLEAN;
        }
        if (List.class.isAssignableFrom(javaType)) {
            return Type.LIST;
        }
        if (javaType.getName().startsWith(MODEL_PACKAGE) && !javaType.getSimpleName().endsWith("Enum")) {
            return Type.OBJECT;
        }
        // strings, and the SDK's string enums
        if (name.equals("amount") || name.endsWith("_amount")) {
            return Type.MONEY;
        }
        return DATE_NAME.matcher(name).matches() ? Type.DATE : Type.STRING;
    }

    private static Parameter query(String name, Type type) {
        return new Parameter(Location.QUERY, name, type);
    }

    private static Parameter body(String name, Type type) {
        return new Parameter(Location.BODY, name, type);
    }

    private static final Parameter LANGUAGE = new Parameter(Location.HEADER, "X-Language", Type.STRING);

    /** The operations of the table that SDK 3.1.170 has no definition for (shared/api/operations.md). */
    static final Map<String, List<Parameter>> EXTRAS = Map.of(
            "KeystoneListAuthDomains", List.of(),
            // a Keystone v3 password request (gateway/.../tokens/TokenRequest)
            "KeystoneCreateToken", List.of(body("auth", Type.OBJECT), body("auth.identity", Type.OBJECT),
                    body("auth.identity.methods", Type.LIST), body("auth.identity.methods[0]", Type.STRING),
                    body("auth.identity.password", Type.OBJECT), body("auth.identity.password.user", Type.OBJECT),
                    body("auth.identity.password.user.name", Type.STRING),
                    body("auth.identity.password.user.password", Type.STRING),
                    body("auth.identity.password.user.domain", Type.OBJECT),
                    body("auth.identity.password.user.domain.name", Type.STRING),
                    body("auth.scope", Type.OBJECT), body("auth.scope.domain", Type.OBJECT),
                    body("auth.scope.domain.name", Type.STRING)),
            // Keystone's token revocation: the token to revoke (gateway/.../tokens/KeystoneTokens)
            "KeystoneRevokeToken", List.of(new Parameter(Location.HEADER, "X-Subject-Token", Type.STRING)),
            "ListCustomerCouponChangeRecords", List.of(query("balance_type", Type.STRING),
                    query("revenue_expense_type", Type.STRING), query("trade_type", Type.STRING),
                    query("trade_id", Type.STRING), query("trade_time_begin", Type.DATE),
                    query("trade_time_end", Type.DATE), query("coupon_id", Type.STRING),
                    query("offset", Type.INTEGER), query("limit", Type.INTEGER)),
            "UpdatePeriodToOnDemandInstantly", List.of(body("resource_ids", Type.LIST),
                    body("resource_ids[0]", Type.STRING)),
            "ListServiceTypesLegacy", List.of(LANGUAGE),
            "ListResourceRecordsLegacy", List.of(new Parameter(Location.PATH, "domain_id", Type.STRING),
                    query("cycle", Type.DATE), query("payMethod", Type.STRING), query("offset", Type.INTEGER),
                    query("limit", Type.INTEGER), query("cloudServiceTypeCode", Type.STRING),
                    query("resourceTypeCode", Type.STRING), query("regionCode", Type.STRING),
                    query("resInstanceId", Type.STRING), query("enterpriseProjectId", Type.STRING)),
            // the international SDK's (BssintlMeta), without parameters
            "ShowCustomerExpenditureQuota", List.of());
}
