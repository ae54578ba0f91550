package io.rppg.adapter.signal;

import io.rppg.adapter.signal.dsp.Beats;
import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.dsp.Spectrum;
import io.rppg.domain.vitals.PulseSpectrum;
import io.rppg.domain.vitals.PulseWaveform;

import java.util.ArrayList;
import java.util.List;

/** What the pictures of a scan draw, taken from the pulse, the beats and the spectrum the vitals were read from. */
final class PulseShapes {

    /** The spectrum is kept on a grid this fine: finer than a picture or a reader can tell apart. */
    static final double SPECTRUM_STEP_BPM = 0.5;

    private PulseShapes() {
    }

    /** The pulse scaled so that its largest swing reaches 1, with the times of the beats counted on it. */
    static PulseWaveform waveform(double[] pulse, Beats beats, double sampleRate) {
        double largest = 0;
        for (double v : pulse) {
            largest = Math.max(largest, Math.abs(v));
        }
        List<Double> values = new ArrayList<>(pulse.length);
        for (double v : pulse) {
            values.add(largest == 0 ? 0 : round(v / largest, 4));
        }
        List<Double> beatSeconds = new ArrayList<>();
        for (double t : beats.peakSeconds()) {
            beatSeconds.add(round(t, 3));
        }
        return new PulseWaveform(sampleRate, values, beatSeconds);
    }

    /**
     * The power across the pulse band every {@value #SPECTRUM_STEP_BPM} bpm, as a share of the strongest, and the
     * peak taken as the heart rate.
     */
    static PulseSpectrum spectrum(Spectrum spectrum, double heartRateHz) {
        double from = PulseBand.FROM_HZ * 60;
        double to = PulseBand.TO_HZ * 60;
        int points = (int) Math.floor((to - from) / SPECTRUM_STEP_BPM) + 1;
        double[] power = new double[points];
        double strongest = 0;
        for (int i = 0; i < points; i++) {
            power[i] = spectrum.powerAt((from + i * SPECTRUM_STEP_BPM) / 60);
            strongest = Math.max(strongest, power[i]);
        }
        List<Double> bpm = new ArrayList<>(points);
        List<Double> share = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            bpm.add(from + i * SPECTRUM_STEP_BPM);
            share.add(strongest == 0 ? 0 : round(power[i] / strongest, 4));
        }
        // The peak is refined between bins and may sit a hair outside the band's first or last grid point.
        double peak = Math.max(from, Math.min(bpm.getLast(), round(heartRateHz * 60, 1)));
        return new PulseSpectrum(bpm, share, peak);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
