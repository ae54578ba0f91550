package io.rppg.adapter.signal.video;

import org.bytedeco.ffmpeg.avutil.Callback_Pointer_int_BytePointer_Pointer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's own messages to the log (logger {@code ffmpeg}, at debug level) instead of the process's standard
 * error, where they would bypass the log's format, levels and request ids. They are about the uploads themselves
 * ("moov atom not found" for a truncated file), and every such problem already comes back as a failed probe or
 * analysis with its reason; so they are kept for debugging, not raised as errors of the platform.
 */
public final class FfmpegLog {

    private static final Logger LOG = LoggerFactory.getLogger("ffmpeg");
    private static final int LINE_BYTES = 1024;
    /** Held for the life of the process: FFmpeg keeps calling it, so it must never be collected. */
    private static Callback_Pointer_int_BytePointer_Pointer callback;

    private FfmpegLog() {
    }

    /** Routes FFmpeg's messages of warning level and worse to the log; calling it again changes nothing. */
    public static synchronized void routeToLog() {
        if (callback != null) {
            return;
        }
        callback = new Callback_Pointer_int_BytePointer_Pointer() {
            @Override
            public void call(Pointer source, int level, BytePointer format, Pointer arguments) {
                if (level > avutil.AV_LOG_WARNING || !LOG.isDebugEnabled()) {
                    return;
                }
                try (BytePointer line = new BytePointer(LINE_BYTES); IntPointer printPrefix = new IntPointer(1)) {
                    printPrefix.put(1);
                    // Like snprintf: the length the line would have, which may exceed the buffer.
                    int length = avutil.av_log_format_line2(source, level, format, arguments, line, LINE_BYTES,
                            printPrefix);
                    if (length > 0) {
                        LOG.debug("{}", line.limit(Math.min(length, LINE_BYTES - 1)).getString().strip());
                    }
                }
            }
        };
        avutil.av_log_set_callback(callback);
    }
}
