package io.rppg.domain.vitals;

import io.rppg.domain.Require;

import java.util.List;

/**
 * The power of the pulse across the heart rates the engine searched, and the peak it chose as the heart rate.
 *
 * @param bpm     the heart rates, rising
 * @param power   the power at each, as a share (0..1) of the strongest
 * @param peakBpm the spectral peak taken as the heart rate, within the axis
 */
public record PulseSpectrum(List<Double> bpm, List<Double> power, double peakBpm) {

    public PulseSpectrum {
        bpm = List.copyOf(Require.present(bpm, "spectrum heart rates"));
        power = List.copyOf(Require.present(power, "spectrum power"));
        if (bpm.size() != power.size() || bpm.size() < 2) {
            throw new IllegalArgumentException("a spectrum has a power for each of at least two heart rates");
        }
        for (int i = 1; i < bpm.size(); i++) {
            if (bpm.get(i) <= bpm.get(i - 1)) {
                throw new IllegalArgumentException("the spectrum's heart rates must rise");
            }
        }
        for (double share : power) {
            Require.within(share, 0, 1, "spectrum power");
        }
        Require.within(peakBpm, bpm.getFirst(), bpm.getLast(), "spectral peak (bpm)");
    }
}
