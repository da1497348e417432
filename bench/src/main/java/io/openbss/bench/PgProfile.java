package io.openbss.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --perf <path of perf>}: PostgreSQL's own CPU during each measured run of the ledger, payments and transfers
 * benches (and their baselines), from Linux perf, which sees its C code where JFR and async-profiler see only the
 * JVMs. perf samples every process of the machine ({@code -a}, 299 times a second per core, call stacks unwound from
 * DWARF) while the run lasts; the samples of PostgreSQL's processes are written as {@code perf script} text, with
 * which service each backend serves (its {@code application_name}, from pg_stat_activity), and summarised by
 * {@link ProfileSummary}. Sampling costs the sampled processes time of their own (the stacks are copied at each
 * sample), so a profiled run is slower than the others and its rate is not a figure.
 */
record PgProfile(BenchPlatform platform, Path data, Process perf) implements AutoCloseable {

    static final String PROPERTY = "bss.bench.perf";

    private static int runs;

    /** perf recording from now until {@link #close()}, or null when the bench runs without {@code --perf}. */
    static PgProfile start(BenchPlatform platform) {
        String perf = System.getProperty(PROPERTY);
        if (perf == null) {
            return null;
        }
        try {
            Path directory = Files.createDirectories(platform.root().resolve("bench/target/profiles"));
            Path data = directory.resolve("pg-" + ++runs + ".perf.data");
            Process process = new ProcessBuilder(perf, "record", "-a", "-F", "299", "--call-graph", "dwarf,8192",
                    "-o", data.toString()).redirectErrorStream(true).redirectOutput(log(data).toFile()).start();
            return new PgProfile(platform, data, process);
        } catch (IOException e) {
            throw new UncheckedIOException("perf record: " + e, e);
        }
    }

    /** Stops the recording; writes PostgreSQL's samples and backends as {@code <name>.perf.txt} and summarises them. */
    void finish(String name) {
        close();
        Path text = data.resolveSibling("pg-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
                .toLowerCase() + ".perf.txt");
        try {
            List<String> lines = new ArrayList<>(backends());
            Path script = data.resolveSibling(data.getFileName() + ".txt");
            Process process = new ProcessBuilder(System.getProperty(PROPERTY), "script", "-i", data.toString(),
                    "--comm", "postgres", "-F", "comm,pid,ip,sym").redirectOutput(script.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IOException("perf script exited with " + process.exitValue());
            }
            lines.addAll(Files.readAllLines(script));
            Files.write(text, lines);
            Files.delete(script);
            Files.delete(data);
            ProfileSummary.summarisePerf(text);
        } catch (IOException | SQLException e) {
            System.out.println("perf: no profile of PostgreSQL for " + name + ": " + e + " (perf's output: "
                    + log(data) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What perf record printed while it recorded into {@code data}. */
    private static Path log(Path data) {
        return data.resolveSibling(data.getFileName().toString().replace(".data", ".log"));
    }

    /** Which service each backend serves, as {@code # backend <pid> <application_name>} lines. */
    private List<String> backends() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = platform.jdbc(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT pid, application_name FROM pg_stat_activity")) {
            while (rows.next()) {
                String service = rows.getString(2);
                if (service != null && !service.isBlank()) {
                    lines.add(ProfileSummary.BACKEND + rows.getLong(1) + " " + service.replace(' ', '_'));
                }
            }
        }
        return lines;
    }

    /** Stops perf (SIGTERM, on which it writes what it sampled) and waits for it. */
    @Override
    public void close() {
        if (!perf.isAlive()) {
            return;
        }
        perf.destroy();
        try {
            if (!perf.waitFor(60, TimeUnit.SECONDS)) {
                perf.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
