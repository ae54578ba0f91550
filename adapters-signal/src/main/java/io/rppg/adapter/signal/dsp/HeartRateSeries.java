package io.rppg.adapter.signal.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The heart rate over time: the pulse read in sliding windows of {@value #WINDOW_SECONDS} s, one a second, each on
 * its own spectrum. A clip shorter than one window gives one point over the whole clip.
 */
public final class HeartRateSeries {

    public static final double WINDOW_SECONDS = 10;
    public static final double STEP_SECONDS = 1;

    /**
     * One window's reading.
     *
     * @param centreSeconds the window's middle, in seconds from the pulse's first sample
     * @param bpm           the window's heart rate
     * @param snrDb         the window's SNR at that rate
     */
    public record Point(double centreSeconds, double bpm, double snrDb) {
    }

    private HeartRateSeries() {
    }

    /** The windows' readings of a band-passed pulse; windows without a peak are left out. */
    public static List<Point> of(double[] pulse, double sampleRate) {
        int window = Math.min(pulse.length, (int) Math.round(WINDOW_SECONDS * sampleRate));
        int step = Math.max(1, (int) Math.round(STEP_SECONDS * sampleRate));
        List<Point> points = new ArrayList<>();
        if (window < 2) {
            return points;
        }
        for (int start = 0; start + window <= pulse.length; start += step) {
            Spectrum spectrum = Spectrum.of(Arrays.copyOfRange(pulse, start, start + window), sampleRate, 4096);
            double hz = PulseBand.heartRateHz(spectrum);
            if (!Double.isNaN(hz)) {
                points.add(new Point((start + window / 2.0) / sampleRate, hz * 60, PulseBand.snrDb(spectrum, hz)));
            }
        }
        return points;
    }
}
