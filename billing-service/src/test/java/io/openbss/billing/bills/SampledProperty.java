package io.openbss.billing.bills;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.sessions.JqwikSession;

/**
 * A property of the running service, checked over values drawn from a jqwik arbitrary. jqwik's engine cannot run
 * the methods of a {@code @QuarkusTest}, so the tries are drawn here, in a jqwik session with a printed seed
 * ({@code -D<name>.seed=...} replays a run, {@code -D<name>.tries=...} changes their number), and a failing value is
 * shrunk greedily within a small budget, since each candidate replays a whole history against the service.
 */
public final class SampledProperty {

    /** How many candidate values shrinking may try after a failure. */
    static final int SHRINK_BUDGET = 24;

    private SampledProperty() {
    }

    public static <T> void check(String name, int defaultTries, Arbitrary<T> arbitrary, Consumer<T> property) {
        int tries = Integer.getInteger(name + ".tries", defaultTries);
        long seed = Long.getLong(name + ".seed", System.nanoTime());
        System.out.println(name + " seed " + seed);
        JqwikSession.start(String.valueOf(seed));
        try {
            Random random = JqwikSession.getRandom().orElseThrow();
            RandomGenerator<T> generator = arbitrary.generator(1000, true);
            long began = System.nanoTime();
            for (int i = 1; i <= tries; i++) {
                Shrinkable<T> sample = generator.next(random);
                Throwable failure = failure(property, sample.value());
                if (failure != null) {
                    Failed<T> smallest = shrink(new Failed<>(sample, failure), property);
                    AssertionError error = new AssertionError(name + " failed on try " + i + " of seed " + seed
                            + " (-D" + name + ".seed=" + seed + ")\nsmallest failing value found: "
                            + smallest.value().value() + "\nfirst failing value: " + sample.value()
                            + "\nbecause: " + smallest.failure().getMessage(), smallest.failure());
                    throw error;
                }
            }
            System.out.printf("%s: %d tries in %d ms%n", name, tries, (System.nanoTime() - began) / 1_000_000);
        } finally {
            JqwikSession.finish();
        }
    }

    private record Failed<T>(Shrinkable<T> value, Throwable failure) {
    }

    private static <T> Failed<T> shrink(Failed<T> first, Consumer<T> property) {
        Failed<T> smallest = first;
        int budget = SHRINK_BUDGET;
        boolean smaller = true;
        while (smaller && budget > 0) {
            smaller = false;
            List<Shrinkable<T>> candidates = smallest.value().shrink().limit(Math.min(budget, 6)).toList();
            for (Shrinkable<T> candidate : candidates) {
                budget--;
                Optional<Throwable> failure = Optional.ofNullable(failure(property, candidate.value()));
                if (failure.isPresent()) {
                    smallest = new Failed<>(candidate, failure.get());
                    smaller = true;
                    break;
                }
            }
        }
        return smallest;
    }

    private static <T> Throwable failure(Consumer<T> property, T value) {
        try {
            property.accept(value);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }
}
