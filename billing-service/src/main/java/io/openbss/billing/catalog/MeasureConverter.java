package io.openbss.billing.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts quantities between units of the same measure type through the conversion table (day to hours, ...). */
public final class MeasureConverter {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    /** measure -> (other measure -> factor such that 1 measure = factor other). */
    private final Map<Integer, Map<Integer, BigDecimal>> edges = new HashMap<>();

    private MeasureConverter(List<MeasureConversion> conversions) {
        for (MeasureConversion c : conversions) {
            BigDecimal ratio = BigDecimal.valueOf(c.ratio());
            edges.computeIfAbsent(c.measureId(), k -> new HashMap<>()).put(c.refMeasureId(), ratio);
            edges.computeIfAbsent(c.refMeasureId(), k -> new HashMap<>())
                    .put(c.measureId(), BigDecimal.ONE.divide(ratio, PRECISION));
        }
    }

    /** The converter through every conversion of the table. */
    public static Uni<MeasureConverter> load(SqlClient client) {
        return client.query("SELECT measure_id, ref_measure_id, conversion_ratio, measure_type FROM measure_conversion")
                .execute().map(rows -> new MeasureConverter(rows.stream().map(MeasureConversion::of).toList()));
    }

    /** {@code value} of {@code from} expressed in {@code to}; empty when the units do not convert. */
    public Optional<BigDecimal> convert(BigDecimal value, int from, int to) {
        if (from == to) {
            return Optional.of(value);
        }
        Map<Integer, BigDecimal> factors = new HashMap<>();
        factors.put(from, BigDecimal.ONE);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            int current = queue.poll();
            for (Map.Entry<Integer, BigDecimal> edge : edges.getOrDefault(current, Map.of()).entrySet()) {
                if (!factors.containsKey(edge.getKey())) {
                    factors.put(edge.getKey(), factors.get(current).multiply(edge.getValue(), PRECISION));
                    queue.add(edge.getKey());
                }
            }
        }
        BigDecimal factor = factors.get(to);
        return factor == null ? Optional.empty() : Optional.of(value.multiply(factor, PRECISION));
    }
}
