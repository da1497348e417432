package io.openbss.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answers of the audit query API. */
public final class AuditViews {

    private AuditViews() {
    }

    /**
     * One record. For {@code actor} customer, the account, user and access key are the caller's (the user only when
     * an IAM user called); for {@code actor} admin they are what the change was made to.
     */
    public record RecordView(long recordId,
            Instant occurredAt, String actor,
            String domainId, String domainName,
            String userId, String userName,
            String accessKey, String tokenId,
            String operation, String method,
            String path, Map<String, List<String>> identifiers,
            boolean identifiersTruncated,
            String sourceIp, Integer status,
            String errorCode, String result,
            String requestId, String upstreamRequestId, Integer durationMs) {
    }

    /** A page of records, newest first, and how many match in all. */
    public record RecordPage(long totalCount,
            List<RecordView> records) {
    }
}
