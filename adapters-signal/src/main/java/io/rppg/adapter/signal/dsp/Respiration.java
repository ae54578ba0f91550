package io.rppg.adapter.signal.dsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Breathing rate from several slow modulations at once: the face's vertical movement, the pulse amplitude and the
 * beat intervals (respiratory sinus arrhythmia). Each source names the clearest tone of its 0.1-0.5 Hz spectrum;
 * sources without a clear tone are ignored. Two sources that agree decide, at the rate of the clearer of the two
 * (their mean would be a rate neither of them shows); where none agree, the tone that stands out most of its own
 * spectrum. A median of three would let two sources led astray in different directions (intervals interpolated
 * across rejected beats, amplitudes following the lighting) pick the middle wrong one.
 * The skin's baseline brightness is left out: lighting drift swamps it.
 */
public final class Respiration {

    public static final double FROM_HZ = 0.1;
    public static final double TO_HZ = 0.5;
    private static final double RATE = 4;
    /** Two sources whose tones lie this close (1.8 breaths a minute) tell the same rhythm. */
    private static final double AGREEMENT_HZ = 0.03;

    private record Tone(double hz, double prominence) {
    }

    private final List<Tone> tones = new ArrayList<>();

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
        Spectrum spectrum = Spectrum.of(band.apply(band.apply(decimated)), rate, 4096);
        double hz = spectrum.peakHz(FROM_HZ, TO_HZ);
        if (!Double.isNaN(hz)) {
            tones.add(new Tone(hz, spectrum.prominence(FROM_HZ, TO_HZ)));
        }
        return this;
    }

    /** Adds a source known at irregular times (one value per beat). */
    public Respiration addAtTimes(double[] seconds, double[] values) {
        if (seconds.length < 6) {
            return this;
        }
        double[] uniform = Resampler.uniform(seconds, values, 0, seconds.length, RATE);
        return uniform.length < 16 ? this : addUniform(uniform, RATE);
    }

    /**
     * Breaths per minute, or NaN when no source shows a tone standing {@code minimumProminence} times above its
     * band's mean power.
     */
    public double breathsPerMinute(double minimumProminence) {
        List<Tone> clear = tones.stream().filter(t -> t.prominence() >= minimumProminence).toList();
        if (clear.isEmpty()) {
            return Double.NaN;
        }
        // Two sources that agree outvote any other; of several agreeing pairs, the one standing out most.
        Tone[] agreeing = null;
        for (int i = 0; i < clear.size(); i++) {
            for (int j = i + 1; j < clear.size(); j++) {
                Tone a = clear.get(i);
                Tone b = clear.get(j);
                if (Math.abs(a.hz() - b.hz()) <= AGREEMENT_HZ && (agreeing == null
                        || a.prominence() + b.prominence() > agreeing[0].prominence() + agreeing[1].prominence())) {
                    agreeing = new Tone[]{a, b};
                }
            }
        }
        if (agreeing != null) {
            Tone clearer = agreeing[0].prominence() >= agreeing[1].prominence() ? agreeing[0] : agreeing[1];
            return clearer.hz() * 60;
        }
        // No two agree: the clearest tone decides.
        return clear.stream().max(Comparator.comparingDouble(Tone::prominence)).orElseThrow().hz() * 60;
    }
}
