package io.rppg.application.video;

import java.time.Duration;

/** Whether a stored video's container opens. */
public sealed interface ProbeResult {

    /** The container opens; {@code duration} is what it declares, or {@link Duration#ZERO} when it declares none. */
    record Readable(Duration duration) implements ProbeResult {
    }

    record Unreadable(String reason) implements ProbeResult {
    }
}
