package io.rppg.application.port.out;

import io.rppg.application.video.ProbeResult;

import java.nio.file.Path;

/**
 * A cheap look into a stored video: can its container be opened at all? Run at upload time, so that a truncated
 * or garbage file with the right magic bytes is refused at once instead of failing later in the worker.
 */
public interface VideoProbePort {

    ProbeResult probe(Path video);
}
