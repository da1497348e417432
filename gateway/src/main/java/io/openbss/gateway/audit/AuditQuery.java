package io.openbss.gateway.audit;

import io.openbss.common.error.BssException;
import io.openbss.common.operations.OperationTable;
import io.openbss.common.request.Paging;
import io.openbss.common.request.RequestParameters;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The filters of {@code GET /admin/v1/audit}, checked: a bad value is 400 CBC.0100 naming its parameter. Each given
 * filter narrows the result; {@code since} is inclusive, {@code until} exclusive; {@code resourceId} matches any
 * identifier a record names (resource, order, transaction, customer...).
 */
public record AuditQuery(String domainId, String userId, String accessKey, String operation, String requestId,
        String resourceId, Boolean success, Instant since, Instant until, Paging paging) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final int MAX_ID_LENGTH = 128;
    private static final Set<String> OPERATIONS = operationNames();

    /** The query parameters as sent. */
    public record Parameters(@QueryParam("domain_id") String domainId, @QueryParam("user_id") String userId,
            @QueryParam("access_key") String accessKey, @QueryParam("operation") String operation,
            @QueryParam("request_id") String requestId, @QueryParam("resource_id") String resourceId,
            @QueryParam("result") String result, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
    }

    public static AuditQuery of(Parameters sent) {
        String operation = RequestParameters.optionalText("operation", sent.operation(), MAX_ID_LENGTH);
        if (operation != null && !OPERATIONS.contains(operation)) {
            throw BssException.badParameter("operation", "must be the name of a public operation or admin change");
        }
        String result = RequestParameters.optionalWord("result", sent.result(), Set.of("success", "failure"));
        Instant since = RequestParameters.optionalInstant("since", sent.since());
        Instant until = RequestParameters.optionalInstant("until", sent.until());
        if (since != null && until != null && !until.isAfter(since)) {
            throw BssException.badParameter("until", "must be after since");
        }
        return new AuditQuery(id("domain_id", sent.domainId()), id("user_id", sent.userId()),
                id("access_key", sent.accessKey()), operation, id("request_id", sent.requestId()),
                id("resource_id", sent.resourceId()), result == null ? null : result.equals("success"), since, until,
                Paging.of(sent.offset(), sent.limit(), DEFAULT_LIMIT, MAX_LIMIT));
    }

    private static String id(String name, String value) {
        return RequestParameters.optionalText(name, value, MAX_ID_LENGTH);
    }

    private static Set<String> operationNames() {
        Set<String> names = new HashSet<>(AdminChange.OPERATIONS);
        OperationTable.load().all().forEach(operation -> names.add(operation.name()));
        return Set.copyOf(names);
    }
}
