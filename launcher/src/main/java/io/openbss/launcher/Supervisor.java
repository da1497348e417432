package io.openbss.launcher;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The background process behind {@code ./bss up}: starts the platform, loads the demo data, records the state,
 * and stops everything on SIGTERM ({@code ./bss down}).
 */
public final class Supervisor {

    private final LocalSettings settings;
    private final StateFile state;

    public Supervisor(LocalSettings settings) {
        this.settings = settings;
        this.state = new StateFile(settings.home());
    }

    public void run() throws InterruptedException {
        long started = System.nanoTime();
        ObjectNode status = StateFile.newState().put("pid", ProcessHandle.current().pid()).put("status", "starting");
        state.write(status);
        Platform platform = new Platform(settings);
        // On SIGTERM (./bss down) stop everything; a failed start leaves its state behind for ./bss up to report.
        Thread shutdown = new Thread(() -> {
            platform.close();
            state.delete();
        }, "bss-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            platform.start();
            if (settings.demoData()) {
                DemoCredentials credentials = new DemoData(
                        new AdminClient(settings.adminEndpoint(), platform.secrets().adminToken()), settings.endpoint())
                        .load(DemoCredentials.read(settings.demoEnvFile()));
                credentials.write(settings.demoEnvFile());
            }
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            platform.close();
            state.write(status.put("status", "failed").put("message", e.getMessage()));
            System.err.println("start failed: " + e.getMessage());
            System.exit(1);
        }
        status.put("status", "ready").put("endpoint", settings.endpoint()).put("admin_endpoint", settings.adminEndpoint())
                .put("ready_ms", Duration.ofNanos(System.nanoTime() - started).toMillis())
                .put("demo_env", settings.demoData() ? settings.demoEnvFile().toString() : null)
                .put("database", settings.externalDatabaseUrl().isPresent() ? "external"
                        : Database.durable() ? "embedded, durable commits" : "embedded, FAST: commits not durable "
                        + "(BSS_PG_FAST=true), a crash loses the last writes");
        ArrayNode services = status.putArray("services");
        for (ServiceProcess service : platform.services()) {
            services.addObject().put("name", service.name()).put("pid", service.pid()).put("port", service.port())
                    .put("startup_ms", service.startupTime().toMillis()).put("rss_mib", service.residentMiB());
        }
        state.write(status);
        Thread.currentThread().join();
    }
}
