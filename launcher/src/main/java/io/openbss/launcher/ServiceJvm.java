package io.openbss.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a service's JVM runs: sized for a small footprint on a small machine, and on JDK 25 or newer with an AOT cache
 * (JEP 483/514; without JEP 515's method profiles, {@link #WITHOUT_TRAINING_PROFILES}) that the service's first run
 * trains and writes when it stops, and that every later run of the same build on the same JDK starts from.
 * {@code BSS_AOT_CACHE=off} (or {@code -Dbss.aot-cache=off}) runs without; {@code BSS_JAVA_OPTIONS} adds options of
 * its own (a profiler's, another heap size) after these.
 */
public final class ServiceJvm {

    /**
     * Serial GC (one core's worth of collector for a heap this size); a heap that starts small, grows only as the
     * live set needs and gives memory back; native memory trimmed when idle; glibc's malloc arenas limited. The
     * heap's cap is about four times a service's live set (30-40 MiB under load): under the payments bench a 384 MiB
     * cap let the old generation grow to 180-255 MiB around that live set, and spent two to three times the time
     * collecting (bench/README.md, footprint). Survivor spaces a sixth of the young generation each (not a tenth):
     * with 32 requests in flight, what they hold overflowed the smaller ones into the old generation, which the
     * serial collector grows to its cap before it collects it (billing under the ledger bench: 280-286 MiB, now
     * 202-215 MiB at the same throughput).
     */
    static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:SurvivorRatio=4",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError");

    /** The heap's cap of a service not in {@link #HEAP_CAPS}. */
    static final String HEAP_CAP = "-Xmx128m";

    /**
     * Smaller caps. billing-service: under a long load of bill queries the serial collector fills the old generation
     * to the cap, so its peak is the cap plus about 170 MiB outside the heap (the AOT cache's mapping 72 MiB, C2's
     * code 38 MiB): 283-297 MiB at 128 MiB, 248 at 72, 233 at 64 (bench/README.md, fifth session). The largest body
     * it can be sent, 12 MB through the gateway (whose body budget lets one such body be in flight at a time and whose
     * input gate bounds its tokens and strings), took its heap to 54 MiB at most around a live set of 19-28 MiB.
     * orders-service, on C2 ({@link #C2_MODULES}): its largest bodies (11.5 MB, each sent twice to six operations)
     * took its heap to 60 MiB at most, 21-26 MiB after full collections (eleventh session).
     */
    static final Map<String, String> HEAP_CAPS = Map.of("billing-service", "-Xmx64m", "orders-service", "-Xmx64m");

    /** C1 only, for the console, which renders pages for a few people at a time. */
    static final List<String> C1_ONLY = List.of("-XX:TieredStopAtLevel=1");

    /**
     * The modules whose JVMs compile with C2 as well (tiered), for their request paths: the gateway's pipeline runs
     * on every call (its throughput halves on C1 alone), billing's bill queries and ledger are its own hot code (on
     * C1: fee records' p99 at 8 clients 107 ms against 54 ms, a single charge 4.5 ms against 2.0 ms), and a transfer
     * cost enterprise-service 1.70 ms of CPU on C1 against 0.82 ms on C2 once the JIT had settled (transfers 306/s
     * against 374/s; its peak 201-206 MiB: bench/README.md, tenth session; an earlier measurement that favoured C1
     * counted the compilations of a run that started cold). orders-service as well, with {@link #THRESHOLDS}.
     */
    static final Set<String> C2_MODULES = Set.of("gateway", "billing-service", "enterprise-service", "orders-service");

    /**
     * Compilation thresholds. orders-service's are ten times the default at every tier, so that C2 compiles only what
     * it runs most. On C2 with the default thresholds it spent 0.73-0.95 ms of CPU a payment against 1.63 ms on C1
     * (PayOrders 319-376/s against 281/s), but its compiled code and the compilations' arenas (up to 41 MiB while one
     * compiles) took it to 263-314 MiB under the whole bench, over the 250 MiB a service may take (bench/README.md,
     * tenth and eleventh sessions). With these thresholds and a 64 MiB heap: 0.97-1.61 ms a payment against 1.87-2.31
     * ms on C1, PayOrders 273-368/s against 219-279/s, at most 243 MiB (thirteenth session). Its first minute of load
     * runs slower, while more of it is interpreted. billing-service's are five times the default: under the whole
     * bench it peaked at 252-266 MiB with the default thresholds (the 64 MiB heap full, and C2's code and profiles on
     * top) and at 248 MiB with these, bills at 8 clients still within their p99 (44.8 ms) and the ledger at the same
     * rate (1,160/s against 1,125/s); 132 MiB when ready against 140 (bench/README.md, fifteenth session).
     */
    static final Map<String, List<String>> THRESHOLDS = Map.of("orders-service",
            List.of("-XX:CompileThresholdScaling=10"), "billing-service", List.of("-XX:CompileThresholdScaling=5"));

    /**
     * Options of JDK 22 and newer. C2 may not spend more than 4 MiB compiling PBKDF2 (it runs for PostgreSQL's SCRAM
     * login of each new connection, at start, and stays on C1): that compilation alone took 43 MiB of arenas, which the
     * JVM keeps for seconds after it, so the gateway and billing held 164-172 MiB when ready instead of 146-152 MiB.
     */
    static final List<String> OPTIONS_22 = List.of("-XX:TrimNativeHeapInterval=5000", "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=MemLimit,com.sun.crypto.provider.PBKDF2KeyImpl::deriveKey,4m");

    /**
     * A service's AOT cache holds its classes, loaded and linked, but not the methods' profiles of its training run
     * (JEP 515): with them the JIT compiled what they named as soon as a service started, and the compilers' arenas
     * were still held when it was ready. Resident when ready, four starts of {@code ./bss up} with the profiles
     * against twelve without: the gateway 150-160 MiB against 137-145, orders 135-136 against 127-133, enterprise
     * 130-131 against 122-128, billing 149-150 against 144-148 in nine starts and 156-169 in three (151-166 with the
     * profiles in earlier sessions); ready in 5.4-6.6 s against 5.2-7.0 s (bench/README.md, eighth session). The JIT
     * then learns each method's profile as it runs, as without a cache. Nor are the profiles of a cache trained
     * before this replayed (the cache's name changes only with the service's build).
     */
    static final List<String> WITHOUT_TRAINING_PROFILES = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:-AOTRecordTraining", "-XX:-AOTReplayTraining");

    /**
     * glibc's malloc in every service process: two arenas, and every block of 16 KiB or more mapped on its own, so
     * that freeing it gives its memory back at once. The compilers' arenas are made of 32 KiB chunks (up to 36 MiB
     * while C2 compiles one large method), which the JVM frees five seconds after a compilation; in glibc's heaps
     * they left holes that only the periodic trim gave back, if nothing was allocated after them. billing-service
     * at its peak under the bill queries (NMT and glibc's malloc_info): 72 MB of heaps with 21 MB of them free,
     * 230-235 MiB resident; with the threshold, 20 MB of heaps and 215 MiB (bench/README.md, nineteenth session).
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2",
            "MALLOC_MMAP_THRESHOLD_", "16384");

    private final Path cacheDirectory;
    private final boolean aotCache;

    ServiceJvm(Path cacheDirectory, boolean aotCache) {
        this.cacheDirectory = cacheDirectory;
        this.aotCache = aotCache;
    }

    /** AOT caches under {@code home/aot} unless turned off, on a JDK that has them. */
    static ServiceJvm of(Path home) {
        String setting = System.getProperty("bss.aot-cache", System.getenv().getOrDefault("BSS_AOT_CACHE", "on"));
        return new ServiceJvm(home.resolve("aot"), Runtime.version().feature() >= 25
                && !setting.strip().toLowerCase(Locale.ROOT).equals("off"));
    }

    /**
     * The options of a service whose packaged application is in {@code app} (its module's target/quarkus-app), then
     * {@code extra}; extra options about the AOT cache (a benchmark's) replace this class's. The cache is the
     * module's: a second process of it (a benchmark's gateway) starts from the same one.
     */
    List<String> options(Path app, List<String> extra) {
        String name = app.toAbsolutePath().getParent().getParent().getFileName().toString();
        List<String> options = new ArrayList<>(OPTIONS);
        options.add(HEAP_CAPS.getOrDefault(name, HEAP_CAP));
        if (Runtime.version().feature() >= 22) {
            options.addAll(OPTIONS_22);
        }
        if (!C2_MODULES.contains(name)) {
            options.addAll(C1_ONLY);
        }
        options.addAll(THRESHOLDS.getOrDefault(name, List.of()));
        if (aotCache && extra.stream().noneMatch(option -> option.startsWith("-XX:AOT"))) {
            options.addAll(WITHOUT_TRAINING_PROFILES);
            options.add(cacheOption(cacheOf(name, app, List.of(app))));
        }
        String own = System.getenv().getOrDefault("BSS_JAVA_OPTIONS", "").strip();
        if (!own.isEmpty()) {
            options.addAll(List.of(own.split("\\s+")));
        }
        options.addAll(extra);
        return options;
    }

    /**
     * The AOT cache option of the supervisor's JVM (the background process of {@code ./bss up}), whose classes are
     * those of {@code classPath}: trained by its first run and used by later ones, as a service's. Its CPU time until
     * the platform was ready went from 2.0-2.7 s to 1.4-1.8 s (bench/README.md, 2026-12-04, third session).
     */
    List<String> supervisorOptions(List<Path> classPath) {
        return aotCache ? List.of(cacheOption(cacheOf("supervisor", Path.of("/"), classPath))) : List.of();
    }

    private static String cacheOption(Path cache) {
        return (Files.exists(cache) ? "-XX:AOTCache=" : "-XX:AOTCacheOutput=") + cache;
    }

    /** Whether a service started with these options writes its AOT cache when it stops (a slower stop). */
    static boolean training(List<String> options) {
        return options.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    }

    /**
     * The cache of this build of {@code name} (the files under {@code roots}, named relative to {@code base}) on this
     * JDK: named after both, so that a rebuild or another JDK trains a new one (the JVM would only warn about a stale
     * cache and start without it); older ones are removed.
     */
    Path cacheOf(String name, Path base, List<Path> roots) {
        String fingerprint = fingerprint(base, roots);
        Path cache = cacheDirectory.resolve(name + "-" + fingerprint + ".aot");
        try {
            Files.createDirectories(cacheDirectory);
            try (Stream<Path> caches = Files.list(cacheDirectory)) {
                for (Path old : caches.filter(p -> p.getFileName().toString().startsWith(name + "-")
                        && !p.getFileName().toString().startsWith(name + "-" + fingerprint)).toList()) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cache;
    }

    /** The JDK and every file under the roots (path, size, modification time), hashed. */
    private static String fingerprint(Path base, List<Path> roots) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((System.getProperty("java.home") + Runtime.version()).getBytes(StandardCharsets.UTF_8));
            for (Path root : roots.stream().filter(Files::exists).toList()) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".aot"))
                            .sorted().toList()) {
                        String name = base.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
                        sha.update((name + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis()
                                + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
