package io.rppg.adapter.signal.dsp;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Power spectrum of a Hann-windowed, zero-padded signal. Zero padding does not add resolution, but it samples the
 * spectrum finely enough for a parabola through the top three bins to place the peak within a fraction of a bpm.
 */
public final class Spectrum {

    /**
     * FFT plans by size. Building one costs as much as the transform itself, and an analysis takes dozens of spectra
     * of a handful of sizes (all powers of two, so few plans ever exist). A power-of-two plan only reads its tables
     * once built, so threads share it.
     */
    private static final Map<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();
    /**
     * Hann windows by length, for the same reason: the sliding windows of one analysis share a length, and the
     * whole-clip spectra of one analysis another. Lengths follow the clips, so the store is emptied when it grows.
     */
    private static final Map<Integer, double[]> WINDOWS = new ConcurrentHashMap<>();
    private static final int MOST_WINDOWS = 64;

    static {
        // JTransforms splits transforms of 8192 points and more over a thread pool of its own. The spectra here take
        // well under a millisecond each, so handing halves to other threads costs more CPU than it saves time, and
        // the other core is busy decoding anyway; parallelism comes from analysing several videos at once. The
        // single-threaded transform computes the same numbers.
        CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
        CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
    }

    private final double[] power;
    private final double binHz;

    private Spectrum(double[] power, double binHz) {
        this.power = power;
        this.binHz = binHz;
    }

    public static Spectrum of(double[] signal, double sampleRate, int minimumSize) {
        int size = Integer.highestOneBit(Math.max(minimumSize, signal.length) - 1) << 1;
        double[] a = new double[size];
        double mean = 0;
        for (double v : signal) {
            mean += v / signal.length;
        }
        double[] hann = hann(signal.length);
        for (int i = 0; i < signal.length; i++) {
            a[i] = (signal[i] - mean) * hann[i];
        }
        PLANS.computeIfAbsent(size, DoubleFFT_1D::new).realForward(a);
        // realForward packs a[2k] = Re k, a[2k+1] = Im k, and a[1] = Re n/2.
        double[] power = new double[size / 2 + 1];
        power[0] = a[0] * a[0];
        power[size / 2] = a[1] * a[1];
        for (int k = 1; k < size / 2; k++) {
            power[k] = a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
        }
        return new Spectrum(power, sampleRate / size);
    }

    private static double[] hann(int length) {
        double[] known = WINDOWS.get(length);
        if (known != null) {
            return known;
        }
        double[] window = new double[length];
        for (int i = 0; i < length; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / Math.max(1, length - 1));
        }
        if (WINDOWS.size() >= MOST_WINDOWS) {
            WINDOWS.clear();
        }
        WINDOWS.put(length, window);
        return window;
    }

    /**
     * The frequency of the strongest local maximum between the two limits, refined on a parabola; NaN if there is
     * none. Power that keeps rising past a limit is drift or a neighbouring band, not a peak of this one.
     */
    public double peakHz(double fromHz, double toHz) {
        int from = Math.max(1, (int) Math.ceil(fromHz / binHz));
        int to = Math.min(power.length - 2, (int) Math.floor(toHz / binHz));
        int best = -1;
        for (int k = from; k <= to; k++) {
            boolean localMaximum = power[k] >= power[k - 1] && power[k] >= power[k + 1];
            if (localMaximum && (best < 0 || power[k] > power[best])) {
                best = k;
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        double left = power[best - 1];
        double right = power[best + 1];
        double curvature = left - 2 * power[best] + right;
        double offset = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
        return (best + offset) * binHz;
    }

    /** Power at a frequency, interpolated between bins. */
    public double powerAt(double hz) {
        double k = hz / binHz;
        int lo = (int) Math.floor(k);
        if (lo < 0 || lo + 1 >= power.length) {
            return 0;
        }
        return power[lo] + (k - lo) * (power[lo + 1] - power[lo]);
    }

    /** Total power between the two limits. */
    public double power(double fromHz, double toHz) {
        int from = Math.max(0, (int) Math.ceil(fromHz / binHz));
        int to = Math.min(power.length - 1, (int) Math.floor(toHz / binHz));
        double sum = 0;
        for (int k = from; k <= to; k++) {
            sum += power[k];
        }
        return sum;
    }

    /** How far the band's peak stands above the band's mean power: 1 for flat noise, large for one clean tone. */
    public double prominence(double fromHz, double toHz) {
        double peak = peakHz(fromHz, toHz);
        if (Double.isNaN(peak)) {
            return 0;
        }
        double around = power(peak - 0.02, peak + 0.02);
        int bins = Math.max(1, (int) Math.floor(0.04 / binHz) + 1);
        int bandBins = Math.max(1, (int) Math.floor((toHz - fromHz) / binHz) + 1);
        double mean = power(fromHz, toHz) / bandBins;
        return mean == 0 ? 0 : around / bins / mean;
    }

    /**
     * Power within {@code halfWidthHz} of a heart rate and of its first harmonic, over the rest of the band, in
     * dB: -100 when the rate carries no power, 100 when nothing else does.
     */
    public double snrDb(double hrHz, double fromHz, double toHz, double halfWidthHz) {
        double total = power(fromHz, toHz);
        double signal = power(hrHz - halfWidthHz, hrHz + halfWidthHz)
                + power(2 * hrHz - halfWidthHz, Math.min(toHz, 2 * hrHz + halfWidthHz));
        double noise = total - signal;
        if (signal <= 0) {
            return -100;
        }
        return noise <= 0 ? 100 : 10 * Math.log10(signal / noise);
    }

    public double binHz() {
        return binHz;
    }
}
