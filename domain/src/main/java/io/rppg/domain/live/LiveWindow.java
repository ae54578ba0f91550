package io.rppg.domain.live;

import io.rppg.domain.Require;

/**
 * One live heart rate, read over the last {@code windowSeconds} of usable face.
 *
 * @param endSeconds    seconds from the start of the stream to the end of the window
 * @param snrDb         the signal quality: power at the heart rate over the rest of the band
 * @param waveform      the pulse since the previous window, at {@code waveformRate} samples a second
 * @param face          where the face was in the last picture, or null for a trace stream
 */
public record LiveWindow(double endSeconds, double heartRate, double confidence, double snrDb, double windowSeconds,
                         double[] waveform, double waveformRate, FaceBox face) {

    public LiveWindow {
        Require.within(endSeconds, 0, 24 * 3600, "window end");
        Require.within(heartRate, 20, 250, "heart rate");
        Require.within(confidence, 0, 1, "confidence");
        Require.within(windowSeconds, 1, 60, "window seconds");
        Require.present(waveform, "waveform");
        waveform = waveform.clone();
    }

    @Override
    public double[] waveform() {
        return waveform.clone();
    }

    /** A face's box in picture pixels. */
    public record FaceBox(int x, int y, int width, int height) {
    }
}
