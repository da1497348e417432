package io.openbss.common.operations;

import java.util.List;
import java.util.Locale;

/**
 * One public API operation: its name (the SDK's), method and path template, the service that owns it, who may
 * call it, its per-second quota, the IAM action ({@code service:area:view|update|create|delete}) a user's policy must
 * allow, where the service types that a policy's {@code billing:cloudServiceType} condition is checked against
 * are found, and what a replayed request gets.
 */
public record Operation(String name, String method, String pathTemplate, String service, CallerRule caller,
        int limitPerSecond, String action, ServiceTypeSource serviceTypes, ReplayRule replay) {

    /** Whether calling it changes state (anything but a view): what the audit trail records. */
    public boolean changesState() {
        return !action.endsWith(":view");
    }

    /** Who may call an operation (the Caller column of operations.md). */
    public enum CallerRule {
        /** Any customer account or its IAM users; partner accounts are refused. */
        CUSTOMER,
        /** Enterprise master accounts only. */
        MASTER,
        /** Any authenticated caller. */
        ANY;

        static CallerRule parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** The path template's segments, e.g. {@code [v2, orders, customer-orders, details, {order_id}]}. */
    public List<String> segments() {
        return List.of(pathTemplate.substring(1).split("/"));
    }

    /** Fills the template's {@code {name}} placeholders in order. */
    public String path(List<String> pathValues) {
        StringBuilder path = new StringBuilder();
        int next = 0;
        for (String segment : segments()) {
            path.append('/');
            path.append(isParameter(segment) ? pathValues.get(next++) : segment);
        }
        return path.toString();
    }

    public List<String> pathParameters() {
        return segments().stream().filter(Operation::isParameter)
                .map(s -> s.substring(1, s.length() - 1)).toList();
    }

    static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
