package io.rppg.adapter.signal.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Breathing rate from several slow modulations at once: the face's vertical movement, the pulse amplitude and the
 * beat intervals (respiratory sinus arrhythmia). The skin's baseline brightness is left out: lighting drift
 * swamps it. Each source's spectrum
 * over 0.1-0.5 Hz is normalised and weighted by how clearly it shows one tone; the sum's peak is the rate.
 */
public final class Respiration {

    public static final double FROM_HZ = 0.1;
    public static final double TO_HZ = 0.5;
    private static final double RATE = 4;

    private final List<Spectrum> sources = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    /** Adds a source sampled uniformly at {@code sampleRate}; it is averaged down to 4 Hz first. */
    public Respiration addUniform(double[] signal, double sampleRate) {
        int factor = Math.max(1, (int) Math.floor(sampleRate / RATE));
        double[] decimated = new double[signal.length / factor];
        for (int i = 0; i < decimated.length; i++) {
            for (int j = 0; j < factor; j++) {
                decimated[i] += signal[i * factor + j] / factor;
            }
        }
        double rate = sampleRate / factor;
        BandPass band = new BandPass(FROM_HZ * 0.8, TO_HZ * 1.2, rate);
        return add(Spectrum.of(band.apply(band.apply(decimated)), rate, 4096));
    }

    /** Adds a source known at irregular times (one value per beat). */
    public Respiration addAtTimes(double[] seconds, double[] values) {
        if (seconds.length < 6) {
            return this;
        }
        double[] uniform = Resampler.uniform(seconds, values, 0, seconds.length, RATE);
        return uniform.length < 16 ? this : addUniform(uniform, RATE);
    }

    private Respiration add(Spectrum spectrum) {
        double prominence = spectrum.prominence(FROM_HZ, TO_HZ);
        double total = spectrum.power(FROM_HZ, TO_HZ);
        if (total > 0 && Double.isFinite(prominence)) {
            sources.add(spectrum);
            weights.add(prominence * prominence / total);
        }
        return this;
    }

    /** Breaths per minute, or NaN when no source shows a clear breathing tone. */
    public double breathsPerMinute(double minimumProminence) {
        if (sources.isEmpty()) {
            return Double.NaN;
        }
        double step = 0.002;
        double[] fused = new double[(int) Math.round((TO_HZ - FROM_HZ) / step) + 1];
        for (int k = 0; k < fused.length; k++) {
            double f = FROM_HZ + k * step;
            for (int s = 0; s < sources.size(); s++) {
                fused[k] += weights.get(s) * sources.get(s).powerAt(f);
            }
        }
        // Slow drift rises towards the band's lower edge; only a true peak inside the band is a breathing rate.
        double best = Double.NaN;
        double bestPower = 0;
        for (int k = 1; k < fused.length - 1; k++) {
            if (fused[k] > fused[k - 1] && fused[k] >= fused[k + 1] && fused[k] > bestPower) {
                bestPower = fused[k];
                best = FROM_HZ + k * step;
            }
        }
        double mean = 0;
        for (double v : fused) {
            mean += v / fused.length;
        }
        if (Double.isNaN(best) || mean <= 0 || bestPower / mean < minimumProminence) {
            return Double.NaN;
        }
        return best * 60;
    }
}
