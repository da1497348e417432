package io.openbss.console.costs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ListCosts' answer laid out as the page shows it: one row per group, one column per time bucket of the range, and
 * the group's total; every amount as the API wrote it ({@code null} where it named no cost for that bucket).
 */
record CostTable(String currency, List<String> buckets, List<Row> rows) {

    /** One group: its dimension's value ({@code null} when grouped by time only), its amounts, its total. */
    record Row(String group, List<String> amounts, String total) {
    }

    static CostTable of(String currency, List<String> buckets, List<JsonNode> groups) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode group : groups) {
            Map<String, String> byBucket = new HashMap<>();
            group.path("costs").forEach(cost -> byBucket.put(cost.path("time_dimension_value").asText(),
                    cost.path("amount").asText()));
            JsonNode dimension = group.path("dimensions").path(0);
            rows.add(new Row(dimension.isMissingNode() ? null : dimension.path("value").asText(""),
                    buckets.stream().map(byBucket::get).toList(), group.path("amount_by_costs").asText()));
        }
        return new CostTable(currency, buckets, rows);
    }

    /** The same table with its groups' values written as {@code names} name them (codes without a name stay). */
    CostTable named(Map<String, String> names) {
        return new CostTable(currency, buckets, rows.stream().map(row -> new Row(
                row.group() == null ? null : names.getOrDefault(row.group(), row.group()), row.amounts(),
                row.total())).toList());
    }

    /** The chart's data, in the shape console.js draws: stacked bars, one series per group. */
    Map<String, Object> chart(String allCosts, String noValue) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Row row : rows) {
            series.add(Map.of("name", name(row, allCosts, noValue), "values", row.amounts().stream()
                    .map(amount -> amount == null ? "0" : amount).toList()));
        }
        return Map.of("kind", "bar", "stack", true, "labels", buckets, "series", series, "currency", currency);
    }

    static String name(Row row, String allCosts, String noValue) {
        if (row.group() == null) {
            return allCosts;
        }
        return row.group().isEmpty() ? noValue : row.group();
    }
}
