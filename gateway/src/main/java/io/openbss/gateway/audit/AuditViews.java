package io.openbss.gateway.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
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
    public record RecordView(@JsonProperty("record_id") long recordId,
            @JsonProperty("occurred_at") Instant occurredAt, @JsonProperty("actor") String actor,
            @JsonProperty("domain_id") String domainId, @JsonProperty("domain_name") String domainName,
            @JsonProperty("user_id") String userId, @JsonProperty("user_name") String userName,
            @JsonProperty("access_key") String accessKey, @JsonProperty("token_id") String tokenId,
            @JsonProperty("operation") String operation, @JsonProperty("method") String method,
            @JsonProperty("path") String path, @JsonProperty("identifiers") Map<String, List<String>> identifiers,
            @JsonProperty("identifiers_truncated") boolean identifiersTruncated,
            @JsonProperty("source_ip") String sourceIp, @JsonProperty("status") Integer status,
            @JsonProperty("error_code") String errorCode, @JsonProperty("result") String result,
            @JsonProperty("request_id") String requestId, @JsonProperty("duration_ms") Integer durationMs) {
    }

    /** A page of records, newest first, and how many match in all. */
    public record RecordPage(@JsonProperty("total_count") long totalCount,
            @JsonProperty("records") List<RecordView> records) {
    }
}
