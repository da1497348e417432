package io.openbss.bench;

import io.openbss.launcher.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where a load's CPU went: the CPU time (user and system, from /proc) that each part of the bench platform used while
 * the load ran, per request. On a machine whose cores are all busy, the throughput is the cores divided by the CPU
 * time one request costs in all parts together, so the figures say how far each part must shrink for a target.
 * The client is this JVM (the bench itself), PostgreSQL its postmaster and every backend, and "other" what the
 * machine spent beyond them (the kernel's own threads, wrk and nginx, anything else running). The line ends with what
 * the services' JIT compiler threads took of their CPU: compiling, not serving. A further line says what of
 * PostgreSQL's CPU its background processes took (checkpointer, writers, autovacuum; a process that ended during the
 * run takes its CPU with it into "other") and what it did beside the statements while the run lasted ({@link
 * PgActivity}): the WAL it wrote, full-page images among it, checkpoints, autovacuum and autoanalyze runs.
 */
final class CpuBudget {

    static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux for every architecture we run on

    private final BenchPlatform platform;
    private final Map<String, Long> before;
    private final long[] machineBefore;
    private final ServiceTicks servicesBefore;
    private final PgActivity pgBefore;

    private CpuBudget(BenchPlatform platform) {
        this.platform = platform;
        this.pgBefore = PgActivity.of(platform);
        this.before = parts(platform);
        this.machineBefore = machine();
        this.servicesBefore = ServiceTicks.of(platform);
    }

    /**
     * Runs the load and prints its figures and, below them, its CPU per request by part; with {@code --perf}, then
     * PostgreSQL's profile of the run ({@link PgProfile}).
     */
    static Load.Figures measure(BenchPlatform platform, String prefix, Supplier<Load.Figures> load) {
        CpuBudget budget = new CpuBudget(platform);
        try (PgProfile profile = PgProfile.start(platform)) {
            Load.Figures figures = load.get();
            System.out.println(prefix + figures.line());
            System.out.println(prefix + "  " + budget.perRequest(figures.requests()));
            System.out.println(prefix + "  " + PgActivity.of(platform).since(budget.pgBefore, figures.requests()));
            if (profile != null) {
                profile.finish(figures.name());
            }
            return figures;
        }
    }

    private String perRequest(int requests) {
        Map<String, Long> after = parts(platform);
        long[] machineAfter = machine();
        long busy = machineAfter[0] - machineBefore[0];
        long elapsed = busy + machineAfter[1] - machineBefore[1];
        StringBuilder line = new StringBuilder("CPU ms per request:");
        long accounted = 0;
        for (Map.Entry<String, Long> part : after.entrySet()) {
            long used = part.getValue() - before.getOrDefault(part.getKey(), 0L);
            accounted += used;
            line.append(String.format(" %s %.3f,", part.getKey(), ms(used, requests)));
        }
        double total = ms(busy, requests);
        int cores = Runtime.getRuntime().availableProcessors();
        line.append(String.format(" other %.3f; all %.3f ms, machine %.0f%% busy: %d cores allow about %,.0f/s",
                ms(Math.max(0, busy - accounted), requests), total, elapsed == 0 ? 0 : 100.0 * busy / elapsed, cores,
                total == 0 ? 0 : cores * 1000 / total));
        line.append(String.format("; the services' JIT compilers %.3f of it",
                ms(Math.max(0, ServiceTicks.of(platform).jit() - servicesBefore.jit()), requests)));
        return line.toString();
    }

    static double ms(long ticks, double requests) {
        return ticks * 1000 / TICKS_PER_SECOND / requests;
    }

    /**
     * CPU ticks so far of the client, each service, PostgreSQL (postmaster and every process it started) and, as a
     * part of it, PostgreSQL's background processes.
     */
    private static Map<String, Long> parts(BenchPlatform platform) {
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("client", ticks(ProcessHandle.current().pid()));
        for (ServiceProcess service : platform.platform().services()) {
            parts.merge(service.name(), ticks(service.pid()), Long::sum);
        }
        long postmaster = platform.platform().database().pid();
        if (postmaster > 0) {
            ProcessHandle.of(postmaster).ifPresent(pg -> parts.put("postgres", treeTicks(postmaster)));
        }
        return parts;
    }

    /**
     * CPU ticks so far of PostgreSQL's processes that serve no connection (checkpointer, writers, autovacuum), with
     * those of the postmaster's children that have exited: autovacuum workers come and go, while the backends live as
     * long as their services' pooled connections.
     */
    static long backgroundTicks(BenchPlatform platform) {
        long postmaster = platform.platform().database().pid();
        return postmaster <= 0 ? 0 : reapedTicks(postmaster) + ProcessHandle.of(postmaster).stream()
                .flatMap(ProcessHandle::descendants).filter(p -> isBackground(title(p.pid())))
                .mapToLong(p -> ticks(p.pid())).sum();
    }

    /**
     * Whether a PostgreSQL process title names a background process: a backend's title is {@code postgres: <user>
     * <database> <host>(<port>) <state>}, a background process's {@code postgres: checkpointer} and the like.
     */
    static boolean isBackground(String title) {
        return title.startsWith("postgres: ")
                && !title.matches("postgres: \\S+ \\S+ (\\S+\\(\\d+\\)|\\[local\\]).*");
    }

    private static String title(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * CPU ticks so far of the services' JIT compiler threads (HotSpot names them "C1 CompilerThread<n>" and "C2
     * CompilerThread<n>"; a thread the JVM has ended since takes its ticks with it), and of the services in all.
     */
    record ServiceTicks(long jit, long all) {

        static ServiceTicks of(BenchPlatform platform) {
            return of(platform.platform().services().stream().mapToLong(ServiceProcess::pid).toArray());
        }

        /** The same for the JVMs {@code pids}. */
        static ServiceTicks of(long... pids) {
            long jit = 0;
            long all = 0;
            for (long pid : pids) {
                all += ticks(pid);
                Path tasks = Path.of("/proc", Long.toString(pid), "task");
                try (Stream<Path> threads = Files.list(tasks)) {
                    for (Path thread : threads.toList()) {
                        try {
                            if (Files.readString(thread.resolve("comm")).strip().matches("C[12] CompilerThre.*")) {
                                jit += ticks(Files.readString(thread.resolve("stat")));
                            }
                        } catch (IOException | RuntimeException e) {
                            // the thread ended meanwhile
                        }
                    }
                } catch (IOException e) {
                    // the process exited
                }
            }
            return new ServiceTicks(jit, all);
        }

        /** The JIT compilers' share of what the services used since {@code before}, 0 when they used nothing. */
        double jitShareSince(ServiceTicks before) {
            long services = all - before.all;
            return services <= 0 ? 0 : Math.max(0, jit - before.jit) / (double) services;
        }
    }

    /** User and system ticks of one process (its threads included), 0 once it has exited. */
    static long ticks(long pid) {
        return statFields(pid, 11, 12);
    }

    /**
     * utime + stime of a proc(5) stat line of a process or thread: its fields 14 and 15, counted after the command
     * name, which is in parentheses and may hold spaces.
     */
    static long ticks(String stat) {
        return sum(stat, 11, 12);
    }

    /**
     * User and system ticks of a process and every process it started: those still running, and those that exited
     * and were waited for (their parent's reaped children's ticks: an autovacuum worker that ends during a run would
     * otherwise take its ticks out of the run's figures, which then came out below zero); 0 once the root exited.
     */
    static long treeTicks(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> statFields(p.pid(), 11, 14)).sum();
    }

    /** The fields of a proc(5) stat line after the command name (in parentheses, which may hold spaces). */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * User and system ticks of a process's children that it has waited for (cutime + cstime: the bench's wrk, once it
     * has exited; PostgreSQL's autovacuum workers); 0 once it exited.
     */
    static long reapedTicks(long pid) {
        return statFields(pid, 13, 14);
    }

    /**
     * The sum of a process's stat fields {@code from} to {@code to} (counted after the command name: 11 utime, 12
     * stime, 13 cutime, 14 cstime), from one read of its stat file; 0 once it has exited.
     */
    private static long statFields(long pid, int from, int to) {
        try {
            return sum(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), from, to);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The sum of a proc(5) stat line's fields {@code from} to {@code to}, counted after the command name. */
    private static long sum(String stat, int from, int to) {
        String[] fields = fields(stat);
        long sum = 0;
        for (int i = from; i <= to; i++) {
            sum += Long.parseLong(fields[i]);
        }
        return sum;
    }

    /** The machine's busy and idle ticks (idle with I/O wait), from the first line of /proc/stat. */
    static long[] machine() {
        try {
            List<String> cpu = List.of(Files.readAllLines(Path.of("/proc/stat")).getFirst().split("\\s+"));
            long busy = 0;
            long idle = 0;
            // user nice system idle iowait irq softirq steal
            for (int i = 1; i <= 8 && i < cpu.size(); i++) {
                long value = Long.parseLong(cpu.get(i));
                if (i == 4 || i == 5) {
                    idle += value;
                } else {
                    busy += value;
                }
            }
            return new long[] {busy, idle};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
