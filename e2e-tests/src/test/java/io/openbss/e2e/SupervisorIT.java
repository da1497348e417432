package io.openbss.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openbss.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./bss up} as an operator runs it (the launcher's own commands, in processes of their own, on a home and
 * ports of their own, without demo data): a killed service comes back by itself while {@code status} says
 * "degraded", {@code restart} restarts one (the console too), and {@code down} stops everything, restarted processes
 * included.
 */
class SupervisorIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(120);

    private Path home;
    private Map<String, String> environment;

    @BeforeEach
    void home() throws IOException {
        Path root = Path.of(System.getProperty("bss.root")).toAbsolutePath();
        home = Files.createTempDirectory(Files.createDirectories(root.resolve("e2e-tests/target")), "bss-sup-");
        environment = Map.of("BSS_HOME", home.toString(), "BSS_DEMO", "false", "BSS_PG_FAST", "true",
                "BSS_GATEWAY_PORT", port(), "BSS_ADMIN_PORT", port(), "BSS_ORDERS_PORT", port(),
                "BSS_BILLING_PORT", port(), "BSS_ENTERPRISE_PORT", port(), "BSS_CONSOLE_PORT", port(),
                "BSS_PG_PORT", port());
    }

    @AfterEach
    void down() throws Exception {
        bss("down");
    }

    @Test
    void aKilledServiceComesBackByItselfAndDownStopsWhatWasRestarted() throws Exception {
        String console = "http://127.0.0.1:" + environment.get("BSS_CONSOLE_PORT");
        assertThat(bss("up")).contains("ready in").contains("Console    " + console);
        JsonNode started = state(s -> s.path("status").asText().equals("ready"));
        long orders = pid(started, "orders-service");
        List<Long> first = pids(started);

        ProcessHandle.of(orders).orElseThrow().destroyForcibly();
        JsonNode degraded = state(s -> s.path("status").asText().equals("degraded"));
        assertThat(degraded.path("down").toString()).contains("orders-service");
        JsonNode back = state(s -> s.path("status").asText().equals("ready")
                && process(s, "orders-service").path("restarts").asInt() == 1);
        assertThat(pid(back, "orders-service")).isNotEqualTo(orders);
        assertThat(process(back, "orders-service").path("last_exit").asText()).isEqualTo("exit 137");
        assertThat(bss("status")).startsWith("OpenBSS: ready").contains("1 restarts (last: exit 137)");

        long gateway = pid(back, "gateway");
        assertThat(bss("restart", "gateway")).contains("ready in");
        JsonNode restarted = state(s -> process(s, "gateway").path("restarts").asInt() == 1);
        assertThat(pid(restarted, "gateway")).isNotEqualTo(gateway);
        assertThat(ProcessHandle.of(gateway).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(bss("restart", "nothing")).contains("usage: ./bss restart <");
        long consolePid = pid(restarted, "console");
        assertThat(bss("restart", "console")).contains("ready in");
        JsonNode consoleRestarted = state(s -> process(s, "console").path("restarts").asInt() == 1);
        assertThat(pid(consoleRestarted, "console")).isNotEqualTo(consolePid);
        assertThat(bss("status")).contains("console " + console).containsPattern("console +pid \\d+ +UP");
        restarted = consoleRestarted;

        List<Long> all = new ArrayList<>(pids(restarted));
        all.addAll(first);
        assertThat(bss("down")).contains("OpenBSS stopped.");
        for (long pid : all) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
        }
    }

    /** Runs {@code ./bss <arguments>}'s launcher in a process of its own; its output. */
    private String bss(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dbss.root=" + System.getProperty("bss.root"), "-cp", System.getProperty("java.class.path"),
                "io.openbss.launcher.Main"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("./bss " + String.join(" ", arguments) + ":\n" + output);
        return output;
    }

    /** The supervisor's state once it satisfies {@code condition}. */
    private JsonNode state(Predicate<JsonNode> condition) throws IOException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Path file = home.resolve("state.json");
        while (true) {
            if (Files.exists(file)) {
                try {
                    JsonNode state = JSON.readTree(file.toFile());
                    if (condition.test(state)) {
                        return state;
                    }
                } catch (IOException e) {
                    // replaced while read
                }
            }
            assertThat(System.nanoTime()).as("state reached within " + WITHIN).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static JsonNode process(JsonNode state, String name) {
        for (JsonNode service : state.path("services")) {
            if (service.path("name").asText().equals(name)) {
                return service;
            }
        }
        return state.path("postgresql");
    }

    private static long pid(JsonNode state, String name) {
        return process(state, name).path("pid").asLong();
    }

    private static List<Long> pids(JsonNode state) {
        List<Long> pids = new ArrayList<>(List.of(state.path("pid").asLong(), state.path("postgresql").path("pid")
                .asLong()));
        state.path("services").forEach(service -> pids.add(service.path("pid").asLong()));
        return pids;
    }

    private static String port() {
        return String.valueOf(FreePorts.take());
    }
}
