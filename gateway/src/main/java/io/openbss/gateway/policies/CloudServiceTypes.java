package io.openbss.gateway.policies;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cloud service types a call names, in its query or its JSON body under the parameter names the BSS API uses
 * for them: what the {@code billing:cloudServiceType} condition is checked against.
 */
public final class CloudServiceTypes {

    static final List<String> PARAMETERS = List.of("service_type_code", "cloud_service_type_code",
            "cloud_service_type", "cloudServiceTypeCode", "service_type");

    private CloudServiceTypes() {
    }

    public static Set<String> named(MultiMap query, Buffer body) {
        Set<String> named = new TreeSet<>();
        for (String parameter : PARAMETERS) {
            query.getAll(parameter).stream().filter(v -> !v.isEmpty()).forEach(named::add);
        }
        JsonObject json = json(body);
        if (json != null) {
            collect(json, named);
            if (json.getValue("product_infos") instanceof JsonArray products) {
                products.stream().filter(JsonObject.class::isInstance)
                        .forEach(product -> collect((JsonObject) product, named));
            }
        }
        return named;
    }

    private static void collect(JsonObject object, Set<String> named) {
        for (String parameter : PARAMETERS) {
            if (object.getValue(parameter) instanceof String value && !value.isEmpty()) {
                named.add(value);
            }
        }
    }

    private static JsonObject json(Buffer body) {
        if (body.length() == 0) {
            return null;
        }
        try {
            return new JsonObject(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
