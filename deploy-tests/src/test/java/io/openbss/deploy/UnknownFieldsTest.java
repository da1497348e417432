package io.openbss.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * No field of a built-in kind is unknown to the Kubernetes model: a misspelt or misplaced field (`readinesProbe`,
 * `runAsNonRoot` on the wrong level) would otherwise be silently ignored, here and by a lenient API server.
 */
class UnknownFieldsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final String MODEL = "io.fabric8.kubernetes.api.model";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyFieldIsKnownToTheKubernetesModel(String overlay) {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata object : Manifests.rendered(overlay).objects) {
            if (object instanceof GenericKubernetesResource) {
                continue;
            }
            walk(object, object.getKind() + "/" + object.getMetadata().getName(), unknown);
        }
        assertThat(unknown).as("fields of %s that the Kubernetes model does not know", overlay).isEmpty();
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || !getter.getDeclaringClass().getName().startsWith(MODEL)) {
                continue;
            }
            Object result;
            try {
                result = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (result instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(result, path + "." + field, unknown);
        }
    }
}
