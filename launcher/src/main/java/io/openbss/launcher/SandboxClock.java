package io.openbss.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The business clock of the local sandbox: billing, orders and enterprise move forward together (renewals, expiries,
 * bill cycles), the gateway keeps real time (signatures, tokens). A restarted service is back on real time.
 */
public final class SandboxClock {

    private static final List<String> SERVICES = List.of("billing", "orders", "enterprise");

    private final AdminClient admin;

    public SandboxClock(AdminClient admin) {
        this.admin = admin;
    }

    /** The services' business time now. */
    public Instant now() {
        return Instant.parse(state("orders").path("now").asText());
    }

    public Duration offset() {
        return Duration.ofSeconds(state("orders").path("offset_seconds").asLong());
    }

    /** Puts every service's business clock {@code offset} ahead of real time (behind it when negative). */
    public void offset(Duration offset) {
        Concurrently.map(SERVICES, service -> admin.expect("PUT", path(service),
                Map.of("offset_seconds", offset.toSeconds())));
    }

    /** Moves business time to {@code instant}. */
    public void moveTo(Instant instant) {
        offset(Duration.between(Instant.now(), instant));
    }

    /** Runs the resource lifecycle (auto-renewal, expiry, deletion) now; returns when it is done. */
    public void runLifecycle() {
        admin.expect("POST", "/admin/v1/services/orders/v1/lifecycle/runs", null);
    }

    private JsonNode state(String service) {
        return admin.expect("GET", path(service), null);
    }

    private static String path(String service) {
        return "/admin/v1/services/" + service + "/v1/sandbox/clock";
    }
}
