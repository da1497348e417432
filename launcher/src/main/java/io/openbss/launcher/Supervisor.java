package io.openbss.launcher;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The background process behind {@code ./bss up}: starts the platform, loads the demo data, keeps every process
 * alive ({@link Watchdog}), restarts one when asked ({@code ./bss restart}), records the state, and stops
 * everything on SIGTERM ({@code ./bss down}).
 */
public final class Supervisor {

    private final LocalSettings settings;
    private final StateFile state;
    private final ObjectNode status = StateFile.newState();
    /** Each service as it was when the platform became ready. */
    private final Map<String, Started> whenReady = new HashMap<>();
    private volatile Watchdog watchdog;
    private volatile boolean ready;

    private record Started(int port, long startupMillis, long residentMiB) {
    }

    public Supervisor(LocalSettings settings) {
        this.settings = settings;
        this.state = new StateFile(settings.home());
    }

    public void run() throws InterruptedException {
        long started = System.nanoTime();
        status.put("pid", ProcessHandle.current().pid()).put("status", "starting");
        state.write(status);
        Platform platform = new Platform(settings);
        // On SIGTERM (./bss down) stop watching, then stop everything; a failed start leaves its state behind for
        // ./bss up to report.
        Thread shutdown = new Thread(() -> {
            if (watchdog != null) {
                watchdog.close();
            }
            platform.close();
            state.delete();
        }, "bss-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            platform.start();
            for (ServiceProcess service : platform.services()) {
                whenReady.put(service.name(), new Started(service.port(), service.startupTime().toMillis(),
                        service.residentMiB()));
            }
            watchdog = new Watchdog(platform, this::publish).start();
            System.out.printf("services ready %d ms after start%n", Duration.ofNanos(System.nanoTime() - started)
                    .toMillis());
            if (settings.demoData()) {
                DemoCredentials credentials = new DemoData(
                        new AdminClient(settings.adminEndpoint(), platform.secrets().adminToken()), settings.endpoint())
                        .load(DemoCredentials.read(settings.demoEnvFile()));
                credentials.write(settings.demoEnvFile());
                System.out.printf("demo data loaded %d ms after start%n", Duration.ofNanos(System.nanoTime()
                        - started).toMillis());
            }
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            if (watchdog != null) {
                watchdog.close();
            }
            platform.close();
            state.write(status.put("status", "failed").put("message", e.getMessage()));
            System.err.println("start failed: " + e.getMessage());
            System.exit(1);
        }
        synchronized (this) {
            status.put("endpoint", settings.endpoint()).put("admin_endpoint", settings.adminEndpoint())
                    .put("console_endpoint", settings.console() ? settings.consoleEndpoint() : null)
                    .put("ready_ms", Duration.ofNanos(System.nanoTime() - started).toMillis())
                    .put("demo_env", settings.demoData() ? settings.demoEnvFile().toString() : null)
                    .put("database", settings.externalDatabaseUrl().isPresent() ? "external"
                            : Database.durable() ? "embedded, durable commits" : "embedded, FAST: commits not "
                            + "durable (BSS_PG_FAST=true), a crash loses the last writes");
            ready = true;
        }
        publish();
        RestartRequests requests = new RestartRequests(settings.home());
        while (true) {
            for (String name : requests.take()) {
                try {
                    watchdog.restart(name);
                } catch (LauncherException e) {
                    System.err.println("restart request: " + e.getMessage());
                }
            }
            Thread.sleep(200);
        }
    }

    /**
     * Writes the state {@code ./bss status}, {@code up} and {@code down} read: "ready", or "degraded" naming what
     * is down; each process with its pid (a restarted one's new pid, for {@code ./bss down}) and restarts.
     */
    private synchronized void publish() {
        List<Watchdog.Component> components = watchdog.components();
        List<String> down = components.stream().filter(c -> !c.up()).map(Watchdog.Component::name).toList();
        status.put("status", !ready ? "starting" : down.isEmpty() ? "ready" : "degraded");
        ArrayNode names = status.putArray("down");
        down.forEach(names::add);
        ArrayNode services = status.putArray("services");
        ObjectNode postgres = status.putObject("postgresql");
        for (Watchdog.Component component : components) {
            ObjectNode node = component.name().equals(Watchdog.POSTGRESQL) ? postgres : services.addObject();
            node.put("name", component.name()).put("pid", component.pid()).put("up", component.up())
                    .put("restarts", component.restarts()).put("last_exit", component.lastExit())
                    .put("next_start", component.nextStart() == null ? null : component.nextStart().toString());
            Started service = whenReady.get(component.name());
            if (service != null) {
                node.put("port", service.port()).put("startup_ms", service.startupMillis())
                        .put("rss_mib", service.residentMiB());
            }
        }
        state.write(status);
    }
}
