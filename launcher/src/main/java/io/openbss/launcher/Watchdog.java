package io.openbss.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a started platform alive: a process that exits (a service, or the embedded PostgreSQL) is started again, at
 * once the first time, then after 1, 2, 4 ... 30 s while it keeps failing; one that has stayed up for a minute
 * starts over at once. Counts the restarts, and tells its listener whenever something goes down or comes back.
 */
public final class Watchdog implements AutoCloseable {

    public static final String POSTGRESQL = "postgresql";

    private static final Duration STEADY = Duration.ofSeconds(60);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;

    /** What the watchdog knows of one process, as the status shows it. */
    public record Component(String name, long pid, boolean up, int restarts, String lastExit, Instant nextStart) {
    }

    private final Platform platform;
    private final Runnable onChange;
    private final List<Watched> watched = new ArrayList<>();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    public Watchdog(Platform platform, Runnable onChange) {
        this.platform = platform;
        this.onChange = onChange;
        if (platform.database().embedded()) {
            watched.add(new Watched(POSTGRESQL, () -> platform.database().alive(), platform::restartDatabase,
                    () -> platform.database().pid(), () -> "exited"));
        }
        for (ServiceProcess service : platform.services()) {
            watched.add(new Watched(service.name(), service::alive, () -> platform.restart(service.name()),
                    service::pid, service::exit));
        }
        thread = new Thread(this::watch, "bss-watchdog");
        thread.setDaemon(true);
    }

    public Watchdog start() {
        thread.start();
        return this;
    }

    /** Restarts a process now (stopping it first if it runs): {@code ./bss restart}, or {@code ./bss up}. */
    public void restart(String name) {
        if (watched.stream().noneMatch(w -> w.name.equals(name))) {
            throw new LauncherException("no such process: " + name + " (one of " + names() + ")");
        }
        requested.add(name);
    }

    private List<String> names() {
        return watched.stream().map(w -> w.name).toList();
    }

    public synchronized List<Component> components() {
        return watched.stream().map(Watched::component).toList();
    }

    private void watch() {
        while (!closed) {
            for (Watched process : watched) {
                if (closed) {
                    return;
                }
                process.check();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops watching (before the platform is stopped, so that nothing is started again meanwhile). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Watched {
        final String name;
        final BooleanSupplier alive;
        final Runnable start;
        final LongSupplier pid;
        final Supplier<String> exit;
        int restarts;
        /** Exits and failed starts since it last stayed up for a minute: how long the next start waits. */
        int failures;
        String lastExit;
        Instant upSince = Instant.now();
        Instant downSince;
        Instant nextStart;

        Watched(String name, BooleanSupplier alive, Runnable start, LongSupplier pid, Supplier<String> exit) {
            this.name = name;
            this.alive = alive;
            this.start = start;
            this.pid = pid;
            this.exit = exit;
        }

        void check() {
            boolean wanted = requested.remove(name);
            if (!wanted && nextStart == null && alive.getAsBoolean()) {
                if (Duration.between(upSince, Instant.now()).compareTo(STEADY) > 0) {
                    failures = 0;
                }
                return;
            }
            if (nextStart == null) {
                Duration wait = wanted ? Duration.ZERO : backoff(failures);
                synchronized (Watchdog.this) {
                    lastExit = wanted ? "restart requested" : exit.get();
                    downSince = Instant.now();
                    nextStart = downSince.plus(wait);
                }
                System.err.println("watchdog: " + name + ": " + lastExit + "; starting it "
                        + (wait.isZero() ? "now" : "in " + wait.toSeconds() + " s"));
                onChange.run();
            }
            if (wanted || !Instant.now().isBefore(nextStart)) {
                startAgain(wanted);
            }
        }

        private void startAgain(boolean wanted) {
            try {
                start.run();
                synchronized (Watchdog.this) {
                    restarts++;
                    failures += wanted ? 0 : 1;
                    upSince = Instant.now();
                    nextStart = null;
                }
                System.err.println("watchdog: " + name + " is back after "
                        + Duration.between(downSince, upSince).toMillis() + " ms (restart " + restarts + ")");
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                synchronized (Watchdog.this) {
                    failures++;
                    lastExit = "could not start: " + e.getMessage();
                    nextStart = Instant.now().plus(backoff(failures));
                }
                System.err.println("watchdog: " + name + ": " + lastExit + "; next attempt in "
                        + backoff(failures).toSeconds() + " s");
            }
            onChange.run();
        }

        Component component() {
            return new Component(name, pid.getAsLong(), nextStart == null && alive.getAsBoolean(), restarts,
                    lastExit, nextStart);
        }
    }

    /** 0 s, then 1, 2, 4 ... up to 30 s. */
    static Duration backoff(int failures) {
        if (failures == 0) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.min(LONGEST_WAIT.toSeconds(), 1L << Math.min(failures - 1, 5)));
    }
}
