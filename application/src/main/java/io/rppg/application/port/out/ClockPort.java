package io.rppg.application.port.out;

import java.time.Instant;

/** The current time, so that rules about expiry and periods can be tested at any instant. */
public interface ClockPort {

    Instant now();
}
