package io.openbss.common.time;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openbss.common.error.BssException;
import io.openbss.common.identity.InternalToken;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Internal API of a sandbox: operators move a service's business clock forward to see renewals, expiries and bill
 * cycles happen without waiting for them, or start it in the past to play a history up to today (the demo does).
 * Off unless {@code bss.sandbox.clock-control=true}; every service of one platform must be given the same offset.
 */
@Path("/internal/v1/sandbox/clock")
@RolesAllowed(InternalToken.GROUP_OPERATOR)
public class SandboxClockResource {

    @Inject
    ShiftableClock clock;

    @ConfigProperty(name = "bss.sandbox.clock-control", defaultValue = "false")
    boolean enabled;

    public record ClockState(@JsonProperty("now") Instant now, @JsonProperty("offset_seconds") long offsetSeconds,
            @JsonProperty("clock_control") boolean clockControl) {
    }

    /** How far the business clock may be from real time, either way. */
    static final Duration MAX_OFFSET = Duration.ofDays(3660);

    public record ClockChange(@JsonProperty("offset_seconds") Long offsetSeconds) {
    }

    /** The service's business time and its offset from real time. */
    @GET
    public ClockState show() {
        return state();
    }

    /** Sets the business clock's offset from real time in seconds (negative: in the past; sandbox only). */
    @PUT
    public ClockState change(ClockChange change) {
        if (!enabled) {
            throw BssException.accessDenied("the clock of this service is real time (bss.sandbox.clock-control)");
        }
        if (change == null || change.offsetSeconds() == null) {
            throw BssException.badParameter("offset_seconds", "is required");
        }
        if (Math.abs(change.offsetSeconds()) > MAX_OFFSET.toSeconds()) {
            throw BssException.badParameter("offset_seconds", "must be within " + MAX_OFFSET.toSeconds()
                    + " seconds (10 years) of real time");
        }
        clock.offset(Duration.ofSeconds(change.offsetSeconds()));
        return state();
    }

    private ClockState state() {
        return new ClockState(clock.instant(), clock.offset().toSeconds(), enabled);
    }
}
