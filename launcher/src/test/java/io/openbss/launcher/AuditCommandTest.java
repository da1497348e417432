package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class AuditCommandTest {

    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void sinceIsThatLongAgoOrAnInstant() {
        assertThat(AuditCommand.PointInTime.instant("30m", NOW)).isEqualTo("2025-03-10T11:30:00Z");
        assertThat(AuditCommand.PointInTime.instant("1h", NOW)).isEqualTo("2025-03-10T11:00:00Z");
        assertThat(AuditCommand.PointInTime.instant("2d", NOW)).isEqualTo("2025-03-08T12:00:00Z");
        assertThat(AuditCommand.PointInTime.instant("2025-01-31T08:00:00Z", NOW)).isEqualTo("2025-01-31T08:00:00Z");
        for (String bad : List.of("1w", "-1h", "h", "1.5h", "2025-01-31", "2025-01-31T08:00:00+08:00", "")) {
            assertThatThrownBy(() -> AuditCommand.PointInTime.instant(bad, NOW)).as(bad)
                    .isInstanceOf(TypeConversionException.class).hasMessageContaining("30m, 1h, 2d");
        }
    }

    @Test
    void tableShowsOneAlignedLinePerRecordWithCallerIdentifiersAndResult() throws Exception {
        JsonNode page = new ObjectMapper().readTree("""
                {"total_count": 57, "records": [
                  {"occurred_at": "2025-03-10T11:59:58.123456Z", "actor": "customer", "domain_id": "d1",
                   "domain_name": "acme", "user_id": "u1", "user_name": "finance-bob",
                   "access_key": "AKUSER00000000000001", "operation": "PayOrders",
                   "identifiers": {"order_id": ["CS2503101"], "resource_ids": ["r-1", "r-2"]},
                   "identifiers_truncated": false, "status": 200, "result": "success", "request_id": "req-1"},
                  {"occurred_at": "2025-03-10T11:59:50Z", "actor": "customer", "domain_id": "d1",
                   "domain_name": "acme", "access_key": "AKROOT00000000000001", "operation": "RenewalResources",
                   "identifiers": {"resource_ids": ["resource-with-a-long-id-0001", "resource-with-a-long-id-0002"]},
                   "identifiers_truncated": true, "status": 401, "error_code": "APIG.0301", "result": "failure",
                   "request_id": "req-2"},
                  {"occurred_at": "2025-03-10T11:00:00Z", "actor": "admin", "domain_id": "d1", "user_id": "u1",
                   "access_key": "AKUSER00000000000001", "operation": "DisableAccessKey", "identifiers": {},
                   "identifiers_truncated": false, "status": 200, "result": "success", "request_id": "req-3"}]}
                """);

        List<String> lines = AuditCommand.table(page, 0).lines().toList();

        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("TIME (UTC)").contains("CALLER", "IDENTIFIERS", "RESULT");
        assertThat(lines.get(1)).startsWith("2025-03-10 11:59:58").contains("acme",
                "finance-bob/AKUSER00000000000001", "PayOrders", "order_id=CS2503101 resource_ids=r-1,r-2",
                "200", "req-1");
        assertThat(lines.get(2)).contains("root/AKROOT00000000000001", "401 APIG.0301")
                .contains("resource_ids=resource-with-a-long-id-0001,res...  ")
                .doesNotContain("0002");
        assertThat(lines.get(3)).contains("admin", "DisableAccessKey", "access_key=AKUSER00000000000001 user=u1");
        for (String column : List.of("CALLER", "OPERATION", "RESULT", "REQUEST ID")) {
            int at = lines.get(0).indexOf(column);
            assertThat(lines.subList(1, 4)).as(column)
                    .allSatisfy(line -> assertThat(line.charAt(at - 1)).isEqualTo(' '))
                    .allSatisfy(line -> assertThat(line.charAt(at)).isNotEqualTo(' '));
        }
        assertThat(lines.get(5)).isEqualTo("Records 1-3 of 57, newest first; --offset 3 for more.");
    }

    @Test
    void emptyPageSaysWhy() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(AuditCommand.table(json.readTree("{\"total_count\":0,\"records\":[]}"), 0))
                .isEqualTo("No audit records match.");
        assertThat(AuditCommand.table(json.readTree("{\"total_count\":4,\"records\":[]}"), 10))
                .isEqualTo("No records past offset 10 (4 match).");
    }
}
