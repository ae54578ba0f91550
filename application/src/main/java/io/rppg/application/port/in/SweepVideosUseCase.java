package io.rppg.application.port.in;

import java.time.Duration;

/**
 * The platform removes videos that nothing needs any more: left behind by a crash between upload and acceptance,
 * or between the end of an analysis and the deletion of its video. Videos of sessions still processing, and those
 * a plan retains, stay.
 */
public interface SweepVideosUseCase {

    /** @param grace files younger than this are left alone, so an upload on its way to acceptance is never touched */
    SweepReport sweepVideos(Duration grace);

    record SweepReport(int videosDeleted, int unacceptedUploadsDeleted) {
    }
}
