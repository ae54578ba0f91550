package io.rppg.application.port.out;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A cheap look into a stored video: can its container be opened at all? Run at upload time, so that a truncated
 * or garbage file with the right magic bytes is refused at once instead of failing later in the worker.
 */
public interface VideoProbePort {

    ProbeResult probe(Path video);

    /** Whether a stored video's container opens. */
    sealed interface ProbeResult {

        /** The container opens; {@code duration} is what it declares, or {@link Duration#ZERO} when it declares none. */
        record Readable(Duration duration) implements ProbeResult {
        }

        record Unreadable(String reason) implements ProbeResult {
        }
    }
}
