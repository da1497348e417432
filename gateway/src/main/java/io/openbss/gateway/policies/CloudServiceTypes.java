package io.openbss.gateway.policies;

import io.openbss.common.operations.ServiceTypeSource;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cloud service types a call names in the one query parameter or body field its operation filters or prices by
 * (the operation table's service type source): what the {@code billing:cloudServiceType} condition is checked
 * against. Parameters the operation ignores are never read, so that a decoy cannot widen what a call reaches. A body
 * path step {@code name[]} means every element of that array, each of which must name a type: an element that names
 * none makes the call name nothing.
 */
public final class CloudServiceTypes {

    private CloudServiceTypes() {
    }

    public static Set<String> named(ServiceTypeSource source, MultiMap query, Buffer body) {
        Set<String> named = new TreeSet<>();
        switch (source.kind()) {
            case QUERY -> query.getAll(source.parameter()).forEach(named::add);
            case BODY -> {
                if (!collect(json(body), source.parameter().split("\\."), 0, named)) {
                    return Set.of();
                }
            }
            case NONE, TOUCHED -> {
                return Set.of();
            }
        }
        return named.contains("") ? Set.of() : named;
    }

    /** Adds what {@code path} from {@code step} names in {@code node}; false when some element names nothing. */
    private static boolean collect(Object node, String[] path, int step, Set<String> named) {
        if (step == path.length) {
            if (node instanceof String value && !value.isEmpty()) {
                named.add(value);
                return true;
            }
            return false;
        }
        if (!(node instanceof JsonObject object)) {
            return false;
        }
        String name = path[step];
        if (!name.endsWith("[]")) {
            return collect(object.getValue(name), path, step + 1, named);
        }
        if (!(object.getValue(name.substring(0, name.length() - 2)) instanceof JsonArray array) || array.isEmpty()) {
            return false;
        }
        for (Object element : array) {
            if (!collect(element, path, step + 1, named)) {
                return false;
            }
        }
        return true;
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
