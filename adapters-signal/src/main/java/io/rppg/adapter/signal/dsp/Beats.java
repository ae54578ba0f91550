package io.rppg.adapter.signal.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Systolic peaks of a band-passed pulse signal, placed between samples on a parabola, and the inter-beat
 * intervals between them that pass the plausibility tests used for HRV: 300-2000 ms, and no jump of more than a
 * quarter from the previous accepted interval (ectopic beats and missed or doubled peaks fail it).
 */
public final class Beats {

    private static final double MIN_IBI_MS = 300;
    private static final double MAX_IBI_MS = 2000;
    private static final double MAX_JUMP = 0.25;

    private final double[] peakSeconds;
    private final double[] peakHeights;
    private final double[] acceptedIbisMs;
    private final double[] acceptedAtSeconds;
    private final double successiveRms;
    private final int successivePairs;
    private final int intervals;

    private Beats(double[] peakSeconds, double[] peakHeights, double[] acceptedIbisMs, double[] acceptedAtSeconds,
                  double successiveRms, int successivePairs, int intervals) {
        this.peakSeconds = peakSeconds;
        this.peakHeights = peakHeights;
        this.acceptedIbisMs = acceptedIbisMs;
        this.acceptedAtSeconds = acceptedAtSeconds;
        this.successiveRms = successiveRms;
        this.successivePairs = successivePairs;
        this.intervals = intervals;
    }

    /**
     * @param pulse         band-passed pulse, rising with blood volume
     * @param heartRateBpm  the spectral heart rate: peaks closer than 60% of its interval are the same beat
     */
    public static Beats find(double[] pulse, double sampleRate, double heartRateBpm) {
        int minDistance = Math.max(1, (int) Math.floor(0.6 * 60 / heartRateBpm * sampleRate));
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < pulse.length - 1; i++) {
            if (pulse[i] > pulse[i - 1] && pulse[i] >= pulse[i + 1] && pulse[i] > 0) {
                candidates.add(i);
            }
        }
        candidates.sort((a, b) -> Double.compare(pulse[b], pulse[a]));
        boolean[] taken = new boolean[pulse.length];
        List<Integer> peaks = new ArrayList<>();
        for (int c : candidates) {
            boolean free = true;
            for (int d = Math.max(0, c - minDistance + 1); d < Math.min(pulse.length, c + minDistance) && free; d++) {
                free = !taken[d];
            }
            if (free) {
                taken[c] = true;
                peaks.add(c);
            }
        }
        peaks.sort(Integer::compare);
        double[] times = new double[peaks.size()];
        double[] heights = new double[peaks.size()];
        for (int k = 0; k < peaks.size(); k++) {
            int i = peaks.get(k);
            double left = pulse[i - 1], mid = pulse[i], right = pulse[i + 1];
            double curvature = left - 2 * mid + right;
            double offset = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
            times[k] = (i + offset) / sampleRate;
            heights[k] = mid - 0.25 * (left - right) * offset;
        }
        return intervalsOf(times, heights);
    }

    private static Beats intervalsOf(double[] times, double[] heights) {
        List<Double> accepted = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        double previous = Double.NaN;
        double squares = 0;
        int pairs = 0;
        double median = median(times);
        for (int k = 1; k < times.length; k++) {
            double ibi = (times[k] - times[k - 1]) * 1000;
            double reference = Double.isNaN(previous) ? median : previous;
            boolean plausible = ibi >= MIN_IBI_MS && ibi <= MAX_IBI_MS
                    && (Double.isNaN(reference) || Math.abs(ibi - reference) <= MAX_JUMP * reference);
            if (plausible) {
                if (!Double.isNaN(previous)) {
                    squares += (ibi - previous) * (ibi - previous);
                    pairs++;
                }
                accepted.add(ibi);
                at.add(times[k]);
                previous = ibi;
            } else {
                previous = Double.NaN;
            }
        }
        return new Beats(times, heights, accepted.stream().mapToDouble(Double::doubleValue).toArray(),
                at.stream().mapToDouble(Double::doubleValue).toArray(),
                pairs == 0 ? Double.NaN : Math.sqrt(squares / pairs), pairs, Math.max(0, times.length - 1));
    }

    /** Median interval in ms between successive peak times, NaN with fewer than two peaks. */
    private static double median(double[] times) {
        if (times.length < 2) {
            return Double.NaN;
        }
        double[] ibis = new double[times.length - 1];
        for (int k = 1; k < times.length; k++) {
            ibis[k - 1] = (times[k] - times[k - 1]) * 1000;
        }
        Arrays.sort(ibis);
        return ibis[ibis.length / 2];
    }

    public double[] peakSeconds() {
        return peakSeconds;
    }

    public double[] peakHeights() {
        return peakHeights;
    }

    public double[] acceptedIntervalsMs() {
        return acceptedIbisMs;
    }

    /** When each accepted interval ended. */
    public double[] acceptedAtSeconds() {
        return acceptedAtSeconds;
    }

    /** Share of all intervals that passed the tests. */
    public double acceptedShare() {
        return intervals == 0 ? 0 : (double) acceptedIbisMs.length / intervals;
    }

    public double sdnnMs() {
        double mean = Arrays.stream(acceptedIbisMs).average().orElse(Double.NaN);
        double sum = 0;
        for (double ibi : acceptedIbisMs) {
            sum += (ibi - mean) * (ibi - mean);
        }
        return Math.sqrt(sum / Math.max(1, acceptedIbisMs.length - 1));
    }

    public double rmssdMs() {
        return successiveRms;
    }

    public int successivePairs() {
        return successivePairs;
    }

    /** Every interval between successive peaks within 300-2000 ms, whether or not it jumped from the last. */
    public double[] plausibleIntervalsMs() {
        List<Double> plausible = new ArrayList<>();
        for (int k = 1; k < peakSeconds.length; k++) {
            double ibi = (peakSeconds[k] - peakSeconds[k - 1]) * 1000;
            if (ibi >= MIN_IBI_MS && ibi <= MAX_IBI_MS) {
                plausible.add(ibi);
            }
        }
        return plausible.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * How much successive intervals differ, as a share of the usual interval: the median of |IBI(k) - IBI(k-1)| over
     * the median IBI, over adjacent plausible intervals. A few hundredths for a sinus rhythm, whose intervals drift
     * with breathing; above a tenth when each interval is drawn anew, as in atrial fibrillation. Medians, so that a
     * missed or doubled beat here and there does not count as irregularity. NaN with fewer than 3 intervals.
     */
    public double successiveChange() {
        List<Double> changes = new ArrayList<>();
        List<Double> intervals = new ArrayList<>();
        double previous = Double.NaN;
        for (int k = 1; k < peakSeconds.length; k++) {
            double ibi = (peakSeconds[k] - peakSeconds[k - 1]) * 1000;
            if (ibi < MIN_IBI_MS || ibi > MAX_IBI_MS) {
                previous = Double.NaN;
                continue;
            }
            intervals.add(ibi);
            if (!Double.isNaN(previous)) {
                changes.add(Math.abs(ibi - previous));
            }
            previous = ibi;
        }
        if (changes.size() < 2) {
            return Double.NaN;
        }
        return medianOf(changes) / medianOf(intervals);
    }

    /**
     * Lag-one correlation of successive plausible intervals. Intervals drawn anew at each beat (fibrillation) are
     * uncorrelated, near 0; peaks placed with random timing errors on a steady rhythm make each long interval follow
     * a short one, near -0.5; breathing's slow swing of a sinus rhythm makes it positive. NaN with fewer than 4
     * adjacent pairs.
     */
    public double intervalCorrelation() {
        List<double[]> pairs = new ArrayList<>();
        double previous = Double.NaN;
        for (int k = 1; k < peakSeconds.length; k++) {
            double ibi = (peakSeconds[k] - peakSeconds[k - 1]) * 1000;
            if (ibi < MIN_IBI_MS || ibi > MAX_IBI_MS) {
                previous = Double.NaN;
                continue;
            }
            if (!Double.isNaN(previous)) {
                pairs.add(new double[]{previous, ibi});
            }
            previous = ibi;
        }
        if (pairs.size() < 4) {
            return Double.NaN;
        }
        double[] a = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] b = pairs.stream().mapToDouble(p -> p[1]).toArray();
        return correlation(a, b);
    }

    /**
     * How alike the beats look: the mean correlation of each beat's waveform (from 0.3 of the usual interval before
     * its peak to as much after) with the average beat, NaN with fewer than 3 whole beats. Near 1 when every peak is
     * a heartbeat, whatever the intervals between them; well below when noise placed some of them (0.80-0.91 on the
     * benchmark's mpeg4 faces whose chroma pulse the codec erased, 0.95-0.99 on clean ones, regular or not).
     *
     * @param pulse the signal the peaks were found on
     */
    public double shapeConsistency(double[] pulse, double sampleRate) {
        double[] intervals = plausibleIntervalsMs();
        if (intervals.length < 2) {
            return Double.NaN;
        }
        double[] sorted = intervals.clone();
        Arrays.sort(sorted);
        int half = (int) Math.round(0.3 * sorted[sorted.length / 2] / 1000 * sampleRate);
        List<double[]> shapes = new ArrayList<>();
        for (double peak : peakSeconds) {
            int centre = (int) Math.round(peak * sampleRate);
            if (half > 0 && centre - half >= 0 && centre + half < pulse.length) {
                shapes.add(Arrays.copyOfRange(pulse, centre - half, centre + half + 1));
            }
        }
        if (shapes.size() < 3) {
            return Double.NaN;
        }
        double[] average = new double[2 * half + 1];
        for (double[] shape : shapes) {
            for (int i = 0; i < average.length; i++) {
                average[i] += shape[i] / shapes.size();
            }
        }
        double sum = 0;
        for (double[] shape : shapes) {
            sum += correlation(shape, average);
        }
        return sum / shapes.size();
    }

    /** Beats per minute from the peak count over the time they span: the mean rate even when the rhythm is not steady. */
    public double meanRateBpm() {
        if (peakSeconds.length < 3) {
            return Double.NaN;
        }
        return 60 * (peakSeconds.length - 1) / (peakSeconds[peakSeconds.length - 1] - peakSeconds[0]);
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    private static double medianOf(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
