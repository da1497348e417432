package io.openbss.console.operator;

import io.openbss.console.layout.BadParameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditFiltersTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void timeRangeTypedInTheReadersZoneIsSentInUtc() {
        Map<String, String> query = AuditFilters.apiQuery(AuditFilters.given(Map.of("since", "2026-12-03T08:00",
                "until", "2026-12-03T09:30:15")), SHANGHAI);

        assertThat(query).containsEntry("since", "2026-12-03T00:00:00Z").containsEntry("until",
                "2026-12-03T01:30:15Z");
    }

    @Test
    void blankFiltersAreNotSentAndTheOthersKeepTheApisNames() {
        Map<String, String> query = AuditFilters.apiQuery(AuditFilters.given(Map.of("domain_id", " d1 ",
                "operation", "", "result", "failure", "offset", "20")), SHANGHAI);

        assertThat(query).containsExactly(Map.entry("domain_id", "d1"), Map.entry("result", "failure"));
    }

    @Test
    void aValueTheApiWouldRefuseIsNamedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> AuditFilters.apiQuery(Map.of("since", "yesterday"), SHANGHAI))
                .isInstanceOf(BadParameter.class).hasMessage("since");
        assertThatThrownBy(() -> AuditFilters.apiQuery(Map.of("result", "maybe"), SHANGHAI))
                .isInstanceOf(BadParameter.class).hasMessage("result");
        assertThatThrownBy(() -> AuditFilters.apiQuery(Map.of("request_id", "a\nb"), SHANGHAI))
                .isInstanceOf(BadParameter.class).hasMessage("request_id");
    }
}
