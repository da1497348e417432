package io.openbss.console.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostQueryTest {

    @Test
    void opensMonthlyByServiceOverTheLastSixMonthsOfUtcPlus8() {
        CostQuery query = CostQuery.of(Map.of());
        YearMonth now = YearMonth.now(CostQuery.BUSINESS);

        assertThat(query.body(0, 1000)).containsEntry("time_condition", Map.of("time_measure_id", 2,
                "begin_time", now.minusMonths(5).toString(), "end_time", now.toString()))
                .containsEntry("groupby", List.of(Map.of("type", "dimension", "key", "CLOUD_SERVICE_TYPE")))
                .containsEntry("cost_type", "ORIGINAL_COST");
        assertThat(query.buckets()).hasSize(6);
    }

    @Test
    void monthsChosenForDailyCostsCoverTheirDays() {
        CostQuery query = CostQuery.of(Map.of("measure", "day", "begin", "2024-02", "end", "2024-02",
                "group", "none"));

        assertThat(query.begin()).isEqualTo("2024-02-01");
        assertThat(query.end()).isEqualTo("2024-02-29");
        assertThat(query.buckets()).hasSize(29).startsWith("2024-02-01").endsWith("2024-02-29");
        assertThat(query.body(0, 10)).doesNotContainKey("groupby");
    }

    @Test
    void aChoiceNotOfferedIsRefusedByItsName() {
        assertThatThrownBy(() -> CostQuery.of(Map.of("group", "tags"))).hasMessage("group");
        assertThatThrownBy(() -> CostQuery.of(Map.of("end", "2024-13"))).hasMessage("end");
        assertThatThrownBy(() -> CostQuery.of(Map.of("cost_type", "GUESS"))).hasMessage("cost_type");
    }

    @Test
    void csvHasEveryBucketOfTheRangeAndTheAnswersOwnAmounts() throws Exception {
        JsonNode group = new ObjectMapper().readTree("""
                {"dimensions":[{"key":"REGION_CODE","value":"cn-north-4"}],
                 "costs":[{"time_dimension_value":"2024-03","amount":"12.30"}],"amount_by_costs":"12.30"}""");
        CostTable table = CostTable.of("CNY", CostQuery.of(Map.of("begin", "2024-02", "end", "2024-03"))
                .buckets(), List.of(group));

        assertThat(CostsResource.csv(table)).isEqualTo("group,2024-02,2024-03,amount_by_costs\r\n"
                + "cn-north-4,,12.30,12.30\r\n");
    }
}
