package io.openbss.common.time;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The services' business clock: real time plus an offset that is zero unless a test or a sandbox operator moves time
 * forward (expiry, renewal schedules, bill cycles) instead of waiting for it. Security time (signature skew, token
 * lifetimes) never uses it.
 */
@Singleton
public class ShiftableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    public Duration offset() {
        return offset;
    }

    public void offset(Duration value) {
        offset = value;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("services use UTC and convert to UTC+8 where they need to");
    }
}
