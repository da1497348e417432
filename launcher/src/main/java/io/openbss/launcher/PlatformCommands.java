package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./bss down}, {@code restart}: the local platform's processes, which a supervisor started by
 * {@code up} ({@link UpCommand}) keeps running ({@code supervise}, hidden, is that supervisor).
 */
final class PlatformCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformCommands() {
    }

    @Command(name = "down", description = "stop everything ./bss up started (the stand-in upstream too)")
    static final class Down implements Callable<Integer> {

        @Override
        public Integer call() {
            LocalSettings settings = LocalSettings.current();
            LocalSettings standIn = settings.standIn();
            boolean wasRunning = RunningPlatform.find(settings).isPresent();
            boolean standInWasRunning = RunningPlatform.find(standIn).isPresent();
            // the primary first: its gateway is the stand-in's client
            cleanUp(settings, new StateFile(settings.home()));
            if (Files.isDirectory(standIn.home())) {
                cleanUp(standIn, new StateFile(standIn.home()));
            }
            System.out.println(wasRunning ? "OpenBSS stopped." : "OpenBSS was not running.");
            if (standInWasRunning) {
                System.out.println("The stand-in upstream stopped (its state stays under " + standIn.home() + ").");
            }
            return 0;
        }
    }

    @Command(name = "restart", description = "restart one process: the supervisor stops it (gracefully) and starts it "
            + "again")
    static final class Restart implements Callable<Integer> {

        @Parameters(paramLabel = "<process>", description = "one of ${COMPLETION-CANDIDATES}")
        PlatformProcess process;

        @Override
        public Integer call() {
            LocalSettings settings = LocalSettings.current();
            Optional<RunningPlatform> running = RunningPlatform.find(settings);
            if (running.isEmpty()) {
                System.out.println(RunningPlatform.NOT_RUNNING);
                return 1;
            }
            JsonNode state = running.get().state();
            List<String> known = new ArrayList<>();
            state.path("services").forEach(service -> known.add(service.path("name").asText()));
            if (state.has("postgresql")) {
                known.add(Watchdog.POSTGRESQL);
            }
            String name = process.toString();
            if (!known.contains(name)) {
                // PostgreSQL is not the platform's own when it runs on an external database
                System.out.println("usage: ./bss restart <" + String.join("|", known) + ">");
                return 2;
            }
            int restarts = process(state, name).path("restarts").asInt();
            new RestartRequests(settings.home()).ask(name);
            System.out.print("Restarting " + name);
            long started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(3).toNanos();
            StateFile stateFile = new StateFile(settings.home());
            while (System.nanoTime() < deadline && running.get().supervisorAlive()) {
                ServiceProcess.sleep(250);
                System.out.print(".");
                JsonNode now = stateFile.read().map(s -> process(s, name)).orElse(JSON.createObjectNode());
                if (now.path("restarts").asInt() > restarts && now.path("up").asBoolean()) {
                    System.out.printf(" ready in %.1f s (pid %d).%n", (System.nanoTime() - started) / 1e9,
                            now.path("pid").asLong());
                    return 0;
                }
            }
            System.out.println(" not back; see ./bss status and " + settings.logs());
            return 1;
        }
    }

    @Command(name = "supervise", hidden = true, description = "the supervisor that ./bss up starts in the background")
    static final class Supervise implements Callable<Integer> {

        @Override
        public Integer call() throws InterruptedException {
            new Supervisor(LocalSettings.current()).run();
            return 0;
        }
    }

    private static JsonNode process(JsonNode state, String name) {
        if (name.equals(Watchdog.POSTGRESQL)) {
            return state.path("postgresql");
        }
        for (JsonNode service : state.path("services")) {
            if (service.path("name").asText().equals(name)) {
                return service;
            }
        }
        return JSON.createObjectNode();
    }

    /** Stops the supervisor, then whatever it left behind (services, PostgreSQL) if it died without cleaning up. */
    static void cleanUp(LocalSettings settings, StateFile stateFile) {
        Optional<ObjectNode> state = stateFile.read();
        state.ifPresent(s -> stop(s.path("pid").asLong(), Duration.ofSeconds(120)));
        state.ifPresent(s -> s.path("services").forEach(service -> stop(service.path("pid").asLong(),
                Duration.ofSeconds(20))));
        Path pgdata = settings.home().resolve("pgdata");
        if (Files.exists(pgdata.resolve("postmaster.pid"))) {
            try {
                stop(Database.postmasterPid(pgdata), Duration.ofSeconds(30));
            } catch (IOException e) {
                System.err.println("bss: cannot read " + pgdata.resolve("postmaster.pid") + ": " + e.getMessage());
            }
        }
        stateFile.delete();
    }

    private static void stop(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }
}
