package io.openbss.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service as a separate JVM running its packaged Quarkus application, logging to its own file. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int healthPort;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private boolean training;
    private long startedAt;
    private Duration startupTime;

    public ServiceProcess(String name, Path jar, int healthPort, Map<String, String> environment, Path log) {
        this.name = name;
        this.jar = jar;
        this.healthPort = healthPort;
        this.environment = environment;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public void start(String java, List<String> jvmOptions) {
        if (!Files.exists(jar)) {
            throw new LauncherException(jar + " is missing: build first (./bss build, or ./mvnw package)");
        }
        training = ServiceJvm.training(jvmOptions);
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            startedAt = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new LauncherException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early when the process dies. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LauncherException(name + " stopped while starting (exit " + process.exitValue()
                        + "); see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for " + name);
            }
            sleep(100);
        }
        throw new LauncherException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** Whether the process runs (it may not be ready yet). */
    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** How the process ended: its exit code (137 when killed with SIGKILL, 143 with SIGTERM). */
    public String exit() {
        return process == null ? "not started" : process.isAlive() ? "running" : "exit " + process.exitValue();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public long pid() {
        return process.pid();
    }

    /** The packaged application's directory (target/quarkus-app). */
    public Path app() {
        return jar.getParent();
    }

    /** Whether this run trains the service's AOT cache, written when it stops. */
    public boolean training() {
        return training;
    }

    public int port() {
        return healthPort;
    }

    public long residentMiB() {
        return residentMiB(process.pid());
    }

    /** Resident memory of a process in MiB, from /proc (Linux), or -1 when unknown. */
    public static long residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Ends the process at once, as a crash would: no shutdown hooks, nothing finished. */
    public void kill() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the process: 20 s to end, or 90 s when it writes its AOT cache as it ends. */
    public void stop() {
        stop(Duration.ofSeconds(training ? 90 : 20));
    }

    /** Sends SIGTERM without waiting (see {@link #stop()}). */
    void askToStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Asks the process to end (SIGTERM), and kills it when it has not ended within {@code grace}. */
    public void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
