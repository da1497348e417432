package io.openbss.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import java.util.zip.GZIPOutputStream;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code ./bss bench profile <recording.jfr>...}: where a service's CPU went in a JFR recording (a bench run with
 * {@code BSS_JAVA_OPTIONS=-XX:StartFlightRecording=filename=bench/target/jfr/%p.jfr,settings=profile}). Each
 * execution sample counts for the part of the platform nearest its leaf (the code that was running, or the library
 * that the running JDK code was called by), so the shares add up to 100 %; the samples are also written as folded
 * stacks ({@code <recording>.folded.gz}: root;...;leaf count, gzipped, the input of flame graph tools such as
 * flamegraph.pl or speedscope) beside the recording.
 */
final class ProfileSummary {

    /** Parts of a request's path, each recognised by the packages or classes on the stack. */
    static final Map<String, List<String>> PARTS = parts();
    static final String OTHER = "other (JDK, Quarkus, Vert.x core, GC)";

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            if (file.endsWith(".collapsed")) {
                summariseCollapsed(Path.of(file));
            } else if (file.endsWith(".perf.txt")) {
                summarisePerf(Path.of(file));
            } else {
                summarise(Path.of(file));
            }
        }
    }

    /**
     * async-profiler's collapsed stacks with their threads (the gateway bench's {@code --profiler}): native and
     * kernel frames too, so each sample of a JVM thread that is not Java code counts as what that thread does (GC,
     * JIT), and each sample in the kernel as the system call it serves or as scheduling. Written back as folded
     * stacks without thread ids and lambda addresses, which would make every stack unique.
     */
    static void summariseCollapsed(Path stacks) throws IOException {
        Map<String, Long> folded = new TreeMap<>();
        Map<String, Long> parts = new TreeMap<>();
        long samples = 0;
        for (String line : Files.readAllLines(stacks)) {
            int space = line.lastIndexOf(' ');
            long count = Long.parseLong(line.substring(space + 1));
            List<String> frames = List.of(line.substring(0, space).replaceAll(" tid=\\d+\\]", "]")
                    .replaceAll("-thread-\\d+\\]", "-thread]").replaceAll("\\$\\$Lambda[./]0x[0-9a-f]+", "\\$\\$Lambda")
                    .replaceAll("0x[0-9a-f]{6,}", "0x").split(";"));
            samples += count;
            parts.merge(collapsedPart(frames), count, Long::sum);
            folded.merge(String.join(";", frames), count, Long::sum);
        }
        System.out.printf("%s: %d CPU samples%n", stacks, samples);
        printShares(parts, samples, "  %-62s %5.1f %%%n");
        writeFolded(stacks, folded);
    }

    /** Each count's share of {@code total}, largest first, one line each in {@code format} (name, percent). */
    private static void printShares(Map<String, Long> counts, long total, String format) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(count ->
                System.out.printf(format, count.getKey(), 100.0 * count.getValue() / Math.max(1, total)));
    }

    /** A line of {@link PgProfile}'s text before perf's samples: which service a PostgreSQL backend serves. */
    static final String BACKEND = "# backend ";

    /**
     * Where a PostgreSQL backend's CPU goes, in the order the rules are tried: the first part with a function on the
     * sample's stack takes it. Commits and triggers first, as they run statements of their own.
     */
    static final Map<String, List<String>> PG_PARTS = pgParts();

    /**
     * {@link PgProfile}'s text ({@code perf script} of PostgreSQL's processes, with the services of its backends):
     * the share of each service, then of each part within each service; written back as folded stacks with the
     * service as their root frame.
     */
    static void summarisePerf(Path text) throws IOException {
        Map<String, String> services = new TreeMap<>();
        Map<String, Map<String, Long>> parts = new TreeMap<>();
        Map<String, Long> folded = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        String service = null;
        long samples = 0;
        List<String> lines = new ArrayList<>(Files.readAllLines(text));
        lines.add(""); // the end of the last sample
        for (String line : lines) {
            if (line.startsWith(BACKEND)) {
                String[] backend = line.substring(BACKEND.length()).split(" ");
                services.put(backend[0], backend[1]);
            } else if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                if (service != null) {
                    samples++;
                    parts.computeIfAbsent(service, s -> new TreeMap<>()).merge(pgPart(stack), 1L, Long::sum);
                    folded.merge(service + ";" + String.join(";", stack.reversed()), 1L, Long::sum);
                }
                stack.clear();
                String[] header = line.strip().split("\\s+");
                service = line.isBlank() ? null : services.getOrDefault(header.length > 1 ? header[1] : "",
                        "other PostgreSQL processes");
            } else {
                String[] frame = line.strip().split("\\s+", 2);
                stack.add(frame.length > 1 ? frame[1].replaceAll(" \\(.*\\)$", "") : frame[0]);
            }
        }
        System.out.printf("%s: %d CPU samples of PostgreSQL%n", text, samples);
        long total = Math.max(1, samples);
        Map<String, Long> byService = new TreeMap<>();
        parts.forEach((name, counts) -> byService.put(name, counts.values().stream().mapToLong(n -> n).sum()));
        byService.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(own -> {
            System.out.printf("  %-62s %5.1f %%%n", "serving " + own.getKey(), 100.0 * own.getValue() / total);
            printShares(parts.get(own.getKey()), own.getValue(), "    %-60s %5.1f %% of it%n");
        });
        writeFolded(text, folded);
    }

    /** The part of one PostgreSQL stack (leaf first, as perf prints it). */
    static String pgPart(List<String> frames) {
        for (Map.Entry<String, List<String>> part : PG_PARTS.entrySet()) {
            if (frames.stream().anyMatch(part.getValue()::contains)) {
                return part.getKey();
            }
        }
        return "other (the backend's loop, memory, scheduling)";
    }

    private static Map<String, List<String>> pgParts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("commit: the WAL flush (fsync)", List.of("XLogFlush"));
        parts.put("commit: the rest (deferred checks, locks released)", List.of("CommitTransaction",
                "AfterTriggerFireDeferred"));
        parts.put("foreign keys checked (RI triggers)", List.of("RI_FKey_check"));
        parts.put("trigger functions (PL/pgSQL)", List.of("plpgsql_exec_trigger"));
        parts.put("index entries inserted", List.of("ExecInsertIndexTuples"));
        parts.put("CHECK constraints (compiled for each statement)", List.of("ExecConstraints"));
        parts.put("rows inserted and updated (heap)", List.of("heap_insert", "heap_update", "heap_multi_insert"));
        parts.put("rows locked (FOR UPDATE)", List.of("ExecLockRows"));
        parts.put("executor start and end (each statement)", List.of("standard_ExecutorStart",
                "standard_ExecutorEnd", "PortalStart"));
        parts.put("bind, parse, describe", List.of("exec_bind_message", "exec_parse_message",
                "exec_describe_statement_message", "exec_describe_portal_message"));
        parts.put("simple queries (BEGIN, COMMIT)", List.of("exec_simple_query"));
        parts.put("reading the socket", List.of("pq_getbyte", "pq_recvbuf", "secure_read", "pq_getmessage"));
        parts.put("writing the socket", List.of("socket_flush", "secure_write", "internal_flush_buffer"));
        parts.put("the statements' own work (scans, joins, sorts)", List.of("standard_ExecutorRun"));
        parts.put("background (WAL writer, checkpointer, autovacuum)", List.of("WalWriterMain",
                "BackgroundWriterMain", "CheckpointerMain", "AutoVacWorkerMain", "AutoVacLauncherMain"));
        return parts;
    }

    /**
     * The part of one collapsed stack (root first, its thread as the first frame, named as Linux names threads: at
     * most 15 characters).
     */
    static String collapsedPart(List<String> frames) {
        String thread = frames.getFirst();
        if (thread.startsWith("[VM Thread") || thread.contains("GC Thread")) {
            return "GC (the VM thread)";
        }
        if (thread.contains("CompilerThre")) {
            return "JIT compilers";
        }
        List<String> java = new ArrayList<>();
        for (String frame : frames) {
            if (frame.endsWith("_[k]")) {
                return "kernel: " + kernelWork(frames, java.isEmpty() ? "" : java.getLast());
            }
            java.add(frame.replace('/', '.'));
        }
        return part(java.reversed());
    }

    /** What a sample in the kernel serves: the C library call that entered it, or scheduling. */
    private static String kernelWork(List<String> frames, String caller) {
        if (frames.stream().anyMatch(frame -> frame.startsWith("schedule_") || frame.startsWith("__schedule")
                || frame.startsWith("asm_sysvec_reschedule_ipi") || frame.startsWith("asm_sysvec_apic_timer"))) {
            return "switched out, preempted, interrupted";
        }
        return switch (caller) {
            case "writev", "__GI___send", "__GI_write", "__send", "send" -> "writing to a socket (send, writev)";
            case "recv", "__GI___recv", "__GI_read", "read" -> "reading from a socket (recv, read)";
            case "epoll_pwait2", "epoll_wait", "__GI_epoll_wait" -> "waiting for events (epoll_wait)";
            default -> "other";
        };
    }

    static void summarise(Path recording) throws IOException {
        Map<String, Integer> folded = new TreeMap<>();
        Map<String, Integer> parts = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> parts.put(part, 0));
        parts.put(OTHER, 0);
        int samples = 0;
        String application = "?";
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.JVMInformation")) {
                application = event.getString("javaArguments");
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            parts.merge(part(frames), 1, Integer::sum);
            Collections.reverse(frames);
            folded.merge(String.join(";", frames), 1, Integer::sum);
        }
        System.out.printf("%s (%s): %d execution samples%n", recording, application.replaceAll(".*/([^/]+)/target/.*",
                "$1"), samples);
        for (Map.Entry<String, Integer> part : parts.entrySet()) {
            System.out.printf("  %-52s %5.1f %%%n", part.getKey(), 100.0 * part.getValue() / Math.max(1, samples));
        }
        writeFolded(recording, folded);
    }

    /** The stacks, root first, each with its count, gzipped beside {@code source}. */
    private static void writeFolded(Path source, Map<String, ? extends Number> folded) throws IOException {
        Path out = source.resolveSibling(source.getFileName() + ".folded.gz");
        try (PrintWriter writer = new PrintWriter(new OutputStreamWriter(new GZIPOutputStream(
                Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
            folded.forEach((stack, count) -> writer.println(stack + " " + count));
        }
        System.out.println("  folded stacks: " + out);
    }

    /** The part of the frame nearest the leaf that belongs to one. */
    static String part(List<String> leafFirst) {
        for (String frame : leafFirst) {
            for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
                if (part.getValue().stream().anyMatch(frame::startsWith)) {
                    return part.getKey();
                }
            }
        }
        return OTHER;
    }

    private static Map<String, List<String>> parts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("internal token (RS256 sign/verify, JWT)", List.of("io.smallrye.jwt", "org.jose4j",
                "io.openbss.common.identity"));
        parts.put("AK/SK signature (SHA-256, HMAC)", List.of("io.openbss.common.signing"));
        parts.put("JSON (Jackson)", List.of("com.fasterxml.jackson"));
        parts.put("SQL client (Vert.x PostgreSQL)", List.of("io.vertx.pgclient", "io.vertx.sqlclient"));
        parts.put("Hibernate Reactive / ORM", List.of("org.hibernate"));
        parts.put("fault tolerance", List.of("io.smallrye.faulttolerance"));
        parts.put("metrics (Micrometer)", List.of("io.micrometer"));
        parts.put("context propagation", List.of("io.smallrye.context"));
        parts.put("gateway's own code", List.of("io.openbss.gateway"));
        parts.put("ledger's own code", List.of("io.openbss.billing.ledger"));
        parts.put("orders' own code", List.of("io.openbss.orders"));
        parts.put("enterprise's own code", List.of("io.openbss.enterprise"));
        parts.put("logging", List.of("org.jboss.logmanager", "org.jboss.logging"));
        parts.put("REST layer (RESTEasy Reactive, REST client)", List.of("org.jboss.resteasy.reactive",
                "io.quarkus.rest.client", "io.quarkus.resteasy.reactive"));
        parts.put("HTTP and TCP (Vert.x HTTP, Netty)", List.of("io.vertx.core.http", "io.vertx.core.net",
                "io.netty"));
        return parts;
    }
}
