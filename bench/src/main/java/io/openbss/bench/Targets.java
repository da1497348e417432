package io.openbss.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The targets of issue 19 that a run measured: each with its goal, what was measured, the baseline measured in the
 * same run and whether it was met. Every bench adds its results here; the run ends with one table of them all and
 * exit status 1 when one is not met.
 */
final class Targets {

    enum Verdict { PASS, FAIL, INFO }

    /** How a figure is written, and its goal. */
    enum Unit {
        PER_SECOND("%,.0f", "/s"), MS("%.2f", " ms"), MIB("%.0f", " MiB"), SECONDS("%.1f", " s"), RATIO("%.2f", "");

        private final String format;
        private final String suffix;

        Unit(String format, String suffix) {
            this.format = format;
            this.suffix = suffix;
        }

        String format(double value) {
            return String.format(format, value) + suffix;
        }

        String goal(double limit) {
            return BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString() + suffix;
        }
    }

    record Result(String target, String goal, String measured, String baseline, Verdict verdict) {
    }

    private final List<Result> results = new ArrayList<>();

    /** Met when {@code measured >= min} and no answer of the run was an error. */
    void atLeast(String target, double measured, double min, Unit unit, String baseline, long failures) {
        add(target, ">= " + unit.goal(min), measured, unit, baseline, failures, measured >= min);
    }

    /** Met when {@code measured <= max} and no answer of the run was an error. */
    void atMost(String target, double measured, double max, Unit unit, String baseline, long failures) {
        add(target, "<= " + unit.goal(max), measured, unit, baseline, failures, measured <= max);
    }

    /** Met when {@code measured < max} and no answer of the run was an error. */
    void below(String target, double measured, double max, Unit unit, String baseline, long failures) {
        add(target, "< " + unit.goal(max), measured, unit, baseline, failures, measured < max);
    }

    /** Throughput of a closed-loop run against a baseline run of the same bench. */
    void perSecond(String target, Load.Figures run, double min, Load.Figures baseline) {
        atLeast(target, run.perSecond(), min, Unit.PER_SECOND, brief(baseline), run.failures());
    }

    /** p99 latency of a closed-loop run against a baseline run of the same bench. */
    void p99Below(String target, Load.Figures run, double max, Load.Figures baseline) {
        below(target, run.p99(), max, Unit.MS, brief(baseline), run.failures());
    }

    /** What a run checked afterwards (invariants, every order charged once): no baseline, met or not. */
    void check(String target, String measured, boolean met) {
        results.add(new Result(target, "holds", measured, "", met ? Verdict.PASS : Verdict.FAIL));
    }

    /** A figure that is reported with what bounds it, not judged. */
    void report(String target, String measured, String baseline) {
        results.add(new Result(target, "reported", measured, baseline, Verdict.INFO));
    }

    boolean met() {
        return count(Verdict.FAIL) == 0;
    }

    private long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    static String brief(Load.Figures baseline) {
        return String.format("%s %,.0f/s p99 %.1f ms", baseline.name().replaceFirst("^baseline: ", ""),
                baseline.perSecond(), baseline.p99());
    }

    void print() {
        System.out.printf("%ntargets: %d met, %d not met, %d reported%n", count(Verdict.PASS), count(Verdict.FAIL),
                count(Verdict.INFO));
        // a check's long description has no baseline after it: it does not widen the column
        String row = "  %-4s  %-" + width(Result::target, "target") + "s  %-" + width(Result::goal, "goal") + "s  %-"
                + width(r -> r.baseline().isEmpty() ? "" : r.measured(), "measured") + "s  %s";
        System.out.println(String.format(row, "", "target", "goal", "measured", "baseline (same run)"));
        results.forEach(r -> System.out.println(String.format(row, r.verdict(), r.target(), r.goal(), r.measured(),
                r.baseline()).stripTrailing()));
    }

    private void add(String target, String goal, double measured, Unit unit, String baseline, long failures,
            boolean reached) {
        // a figure with error answers in it measured something else than the target's operation
        String figure = unit.format(measured) + (failures == 0 ? "" : " (" + failures + " errors)");
        results.add(new Result(target, goal, figure, baseline, reached && failures == 0 ? Verdict.PASS
                : Verdict.FAIL));
    }

    private int width(Function<Result, String> column, String header) {
        return Math.max(header.length(), results.stream().mapToInt(r -> column.apply(r).length()).max().orElse(0));
    }
}
