package io.rppg.domain.vitals;

import io.rppg.domain.Require;

import java.util.List;

/**
 * The pulse the heart rate was read from, as a picture needs it: evenly sampled, scaled so that its largest swing
 * reaches 1, and the beats counted on it (the beats the heart rate variability rests on).
 *
 * @param sampleRateHz how many values a second
 * @param values       the band-passed pulse, each within -1..1
 * @param beatSeconds  when each beat peaked, in seconds from the first value, in time order
 */
public record PulseWaveform(double sampleRateHz, List<Double> values, List<Double> beatSeconds) {

    public PulseWaveform {
        Require.within(sampleRateHz, 1, 1000, "waveform sample rate (Hz)");
        values = List.copyOf(Require.present(values, "waveform values"));
        beatSeconds = List.copyOf(Require.present(beatSeconds, "beat times"));
        for (double value : values) {
            Require.within(value, -1, 1, "waveform value");
        }
        double end = values.size() / sampleRateHz;
        double previous = -1;
        for (double beat : beatSeconds) {
            Require.within(beat, 0, end, "beat time (s)");
            if (beat <= previous) {
                throw new IllegalArgumentException("beat times must be in time order");
            }
            previous = beat;
        }
    }

    /** How long the waveform lasts, in seconds. */
    public double seconds() {
        return values.size() / sampleRateHz;
    }
}
