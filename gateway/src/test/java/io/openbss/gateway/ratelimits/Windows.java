package io.openbss.gateway.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks what a counter admitted against the rule, from the verdicts alone. */
final class Windows {

    static final long WINDOW_MICROS = QuotaCounter.WINDOW_MILLIS * 1000;

    private Windows() {
    }

    /** In every one-second window, each quota admitted at most its limit: the (limit+1)-th admission is 1 s later. */
    static void assertNoWindowOverAdmits(List<Verdict> verdicts) {
        Map<String, Integer> limits = new HashMap<>();
        verdicts.forEach(verdict -> verdict.standings()
                .forEach(standing -> limits.put(standing.quota().key(), standing.quota().limit())));
        admissions(verdicts).forEach((key, times) -> {
            int limit = limits.get(key);
            for (int i = 0; i + limit < times.size(); i++) {
                assertThat(times.get(i + limit) - times.get(i))
                        .as("%s: admissions %d and %d of %d (limit %d)", key, i, i + limit, times.size(), limit)
                        .isGreaterThanOrEqualTo(WINDOW_MICROS);
            }
        });
    }

    /**
     * Never stricter than the rule: each refused request had a quota that had already admitted its limit in the second
     * before the refusal (a sliding window forgets an admission exactly one window later; verdicts carry whole
     * microseconds, so an admission in the microsecond one window before the refusal counts).
     */
    static void assertEveryRefusalJustified(List<Verdict> verdicts) {
        Map<String, List<Long>> admissions = admissions(verdicts);
        for (Verdict verdict : verdicts) {
            if (!verdict.admitted()) {
                long at = verdict.decidedAtMicros();
                boolean full = verdict.standings().stream().anyMatch(standing -> admissions
                        .getOrDefault(standing.quota().key(), List.of()).stream()
                        .filter(time -> time >= at - WINDOW_MICROS && time <= at).count() >= standing.quota().limit());
                assertThat(full).as("a refusal at %d µs with every quota below its limit in the second before", at)
                        .isTrue();
            }
        }
    }

    /** Each quota's admission times, in order. */
    private static Map<String, List<Long>> admissions(List<Verdict> verdicts) {
        Map<String, List<Long>> admitted = new HashMap<>();
        for (Verdict verdict : verdicts) {
            if (verdict.admitted()) {
                for (Verdict.Standing standing : verdict.standings()) {
                    admitted.computeIfAbsent(standing.quota().key(), k -> new ArrayList<>())
                            .add(verdict.decidedAtMicros());
                }
            }
        }
        admitted.values().forEach(times -> times.sort(null));
        return admitted;
    }
}
