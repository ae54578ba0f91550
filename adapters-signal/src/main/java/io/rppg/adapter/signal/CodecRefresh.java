package io.rppg.adapter.signal;

import java.util.Arrays;

/**
 * Takes out the steps that a coarse codec's refreshes put into the skin's colour.
 *
 * <p>Between two intra-coded pictures an inter-coded stream carries the skin over from the picture before and codes
 * only what changed by more than its quantiser. At a coarse quantiser most of the sub-level pulse is not coded, the
 * colour lags behind, and the next intra-coded picture resets it to the true level at once. Those resets come at the
 * group-of-pictures' pace (every 1-2 s) and, with their harmonics, fill the pulse band. Measured on 640x360 mpeg4
 * with a refresh every 2 s, the median step of the skin's colour at a refresh was 5-13 times the median step
 * between two inter-coded pictures at quantisers 4-8, and 2-2.5 times at quantiser 2, where the pulse is coded
 * picture by picture and the refresh only adds a little to its own change.
 *
 * <p>So where the refreshes stand out ({@value #STANDS_OUT} times the usual step or more), the colour at each refresh
 * is carried on by the step the picture before took; elsewhere the trace is left as it is, since replacing a step
 * that holds the pulse's own change blurs the beats. Intra-only codecs (FFV1, MJPEG) have no refreshes at all.
 */
final class CodecRefresh {

    /** A refresh's step this many times the usual one between inter-coded pictures is the codec's, not the skin's. */
    static final double STANDS_OUT = 4;
    /** Fewer refreshes than this in a stretch tell nothing about the codec. */
    private static final int FEWEST_REFRESHES = 3;

    private CodecRefresh() {
    }

    /**
     * The trace's red, green and blue over [from, to) with the refreshes' steps taken out when they stand out; the
     * trace's own arrays otherwise. Indices are the trace's; values outside [from, to) are not to be read.
     */
    static double[][] colours(SkinTrace trace, int from, int to) {
        double[][] raw = {trace.red(), trace.green(), trace.blue()};
        if (!standsOut(trace, from, to)) {
            return raw;
        }
        double[][] carried = new double[3][to];
        for (int c = 0; c < 3; c++) {
            double offset = 0;
            for (int i = from; i < to; i++) {
                if (trace.refresh(i) && i - 2 >= from) {
                    double step = raw[c][i] - raw[c][i - 1];
                    offset += (raw[c][i - 1] - raw[c][i - 2]) - step;
                }
                carried[c][i] = raw[c][i] + offset;
            }
        }
        return carried;
    }

    /**
     * Whether the median relative step of the skin's colour at a refresh is {@value #STANDS_OUT} times the median
     * step between other pictures, or more.
     */
    static boolean standsOut(SkinTrace trace, int from, int to) {
        int refreshes = 0;
        for (int i = from + 1; i < to; i++) {
            refreshes += trace.refresh(i) ? 1 : 0;
        }
        if (refreshes < FEWEST_REFRESHES) {
            return false;
        }
        double[] atRefresh = new double[refreshes];
        double[] between = new double[to - from - 1 - refreshes];
        int r = 0, b = 0;
        for (int i = from + 1; i < to; i++) {
            double step = relativeStep(trace, i);
            if (trace.refresh(i)) {
                atRefresh[r++] = step;
            } else {
                between[b++] = step;
            }
        }
        double usual = median(between);
        return usual == 0 ? median(atRefresh) > 0 : median(atRefresh) >= STANDS_OUT * usual;
    }

    /** The picture's change of colour from the one before, summed over the channels as shares of their level. */
    private static double relativeStep(SkinTrace trace, int i) {
        double[][] raw = {trace.red(), trace.green(), trace.blue()};
        double sum = 0;
        for (double[] channel : raw) {
            sum += Math.abs(channel[i] - channel[i - 1]) / Math.max(1, Math.abs(channel[i - 1]));
        }
        return sum;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
