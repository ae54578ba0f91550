package io.rppg.application.fakes;

import io.rppg.application.port.out.ClockPort;

import java.time.Duration;
import java.time.Instant;

/** A clock that only moves when a test moves it. */
public final class FixedClock implements ClockPort {

    private Instant now;

    public FixedClock(Instant now) {
        this.now = now;
    }

    @Override
    public Instant now() {
        return now;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }
}
