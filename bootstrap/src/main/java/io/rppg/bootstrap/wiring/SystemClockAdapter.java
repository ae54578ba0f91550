package io.rppg.bootstrap.wiring;

import io.rppg.application.port.out.ClockPort;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The wall clock, at the microsecond precision PostgreSQL keeps, so stored and fresh instants compare equal. */
@Component
class SystemClockAdapter implements ClockPort {

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
