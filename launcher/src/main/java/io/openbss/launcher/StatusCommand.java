package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./bss status}: what runs, where, since when, with how much memory and how many restarts; exit 3 if degraded. */
@Command(name = "status", description = {"what is running, where, with start-up times, memory and restarts; "
        + "\"degraded\" naming what is down (the supervisor restarts a process that exits)"},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:ready", "1:not running",
                "3:degraded (or starting, or failed to start)"})
final class StatusCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        LocalSettings settings = LocalSettings.current();
        Optional<RunningPlatform> running = RunningPlatform.find(settings);
        if (running.isEmpty()) {
            System.out.println(RunningPlatform.NOT_RUNNING);
            printStandIn(settings.standIn());
            return 1;
        }
        JsonNode s = running.get().state();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> lines = new ArrayList<>();
        List<String> down = new ArrayList<>();
        s.path("down").forEach(name -> down.add(name.asText()));
        for (JsonNode service : s.path("services")) {
            String name = service.path("name").asText();
            String health = health(http, service.path("port").asInt());
            if (health.equals("DOWN") && !down.contains(name) && s.path("status").asText().equals("ready")) {
                down.add(name + " (not ready)");
            }
            long rss = ServiceProcess.residentMiB(service.path("pid").asLong());
            lines.add(String.format("  %-19s pid %-8d %-6s started in %5.2f s, RSS %d MiB now (%d MiB when ready),"
                            + " %d restarts%s", name, service.path("pid").asLong(), health,
                    service.path("startup_ms").asLong() / 1e3, rss, service.path("rss_mib").asLong(),
                    service.path("restarts").asInt(), lastExit(service)));
        }
        String status = s.path("status").asText();
        if (status.equals("ready") && !down.isEmpty()) {
            status = "degraded";
        }
        System.out.println("OpenBSS: " + status + (down.isEmpty() ? "" : ", down: " + String.join(", ", down))
                + "; supervisor pid " + s.path("pid").asLong()
                + (s.has("ready_ms") ? String.format(", ready %.1f s after start", s.path("ready_ms").asLong() / 1e3)
                : ""));
        System.out.println("  endpoint " + s.path("endpoint").asText() + "   admin " + s.path("admin_endpoint").asText()
                + (s.path("console_endpoint").isTextual() ? "   console " + s.path("console_endpoint").asText() : ""));
        JsonNode postgres = s.path("postgresql");
        System.out.println("  PostgreSQL " + s.path("database").asText("?") + (postgres.has("pid")
                ? String.format(", pid %d, %s, %d restarts%s", postgres.path("pid").asLong(),
                postgres.path("up").asBoolean() ? "UP" : "DOWN", postgres.path("restarts").asInt(), lastExit(postgres))
                : ""));
        lines.forEach(System.out::println);
        printStandIn(settings.standIn());
        return status.equals("ready") ? 0 : 3;
    }

    /** The stand-in upstream of {@code ./bss up --upstream}, when it runs: one line, its own status. */
    private static void printStandIn(LocalSettings standIn) {
        RunningPlatform.find(standIn).ifPresent(platform -> {
            JsonNode s = platform.state();
            List<String> down = new ArrayList<>();
            s.path("down").forEach(name -> down.add(name.asText()));
            System.out.println("Stand-in upstream: " + s.path("status").asText()
                    + (down.isEmpty() ? "" : ", down: " + String.join(", ", down)) + "; supervisor pid "
                    + s.path("pid").asLong() + "; endpoint " + standIn.endpoint() + "   admin "
                    + standIn.adminEndpoint() + "; state under " + standIn.home());
        });
    }

    private static String lastExit(JsonNode process) {
        return process.path("last_exit").isTextual() ? " (last: " + process.path("last_exit").asText()
                + (process.path("next_start").isTextual() ? ", next start " + process.path("next_start").asText()
                : "") + ")" : "";
    }

    private static String health(HttpClient http, int port) {
        try {
            int code = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return code == 200 ? "UP" : "DOWN";
        } catch (IOException e) {
            return "DOWN";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
