package io.rppg.adapter.signal.probe;

import io.rppg.application.port.out.VideoProbePort;
import io.rppg.adapter.signal.video.FfmpegLog;
import io.rppg.application.port.out.VideoProbePort.ProbeResult;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens a video's container with FFmpeg and closes it again, without decoding frames: enough to tell a truncated
 * or garbage file that only carries the right magic bytes from a video the engine can read. Costs milliseconds.
 */
public final class FfmpegVideoProbeAdapter implements VideoProbePort {

    static {
        FfmpegLog.routeToLog();
    }

    @Override
    public ProbeResult probe(Path video) {
        var grabber = new FFmpegFrameGrabber(video.toFile());
        // Nothing is decoded, so no pixel format is asked for (a format FFmpeg would only note it ignored).
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        try {
            grabber.start();
            if (!grabber.hasVideo()) {
                return new ProbeResult.Unreadable("the file holds no video stream");
            }
            long micros = Math.max(0, grabber.getLengthInTime());
            return new ProbeResult.Readable(Duration.ofNanos(micros * 1_000L));
        } catch (FrameGrabber.Exception e) {
            return new ProbeResult.Unreadable(reason(e));
        } finally {
            try {
                grabber.stop();
                grabber.release();
            } catch (FrameGrabber.Exception ignored) {
                // nothing was opened, or it is closed already
            }
        }
    }

    /**
     * A fixed reason: JavaCV's message names the file's path on this server (the storage layout and the tenant),
     * which the uploader must not see; FFmpeg's own account of the damage is in the {@code ffmpeg} log.
     */
    private static String reason(FrameGrabber.Exception e) {
        return "the container cannot be opened: it is damaged or not a video";
    }
}
