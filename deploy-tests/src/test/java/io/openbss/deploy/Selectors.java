package io.openbss.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Kubernetes label selector semantics: every matchLabels pair and every matchExpressions requirement must hold. */
final class Selectors {

    private Selectors() {
    }

    /** A null selector selects nothing; an empty one selects everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (!matches(selector.getMatchLabels(), labels)) {
            return false;
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> labels.containsKey(requirement.getKey());
                case "DoesNotExist" -> !labels.containsKey(requirement.getKey());
                default -> throw new IllegalArgumentException("unknown operator " + requirement.getOperator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Equality-based selector (matchLabels, a Service's spec.selector): every pair must be among the labels. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static boolean isEmpty(LabelSelector selector) {
        return selector != null && selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty();
    }
}
