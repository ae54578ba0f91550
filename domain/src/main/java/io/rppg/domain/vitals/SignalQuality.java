package io.rppg.domain.vitals;

import io.rppg.domain.Require;

import java.util.Locale;

/**
 * How trustworthy the pulse signal was.
 *
 * @param snrDb       power at the heart rate and its harmonic over the rest of the pulse band, in dB
 * @param stability   0..1, how steady the heart rate stayed across the video: the share of 6 s stretches of pulse
 *                    ({@link #STABILITY_STRETCH_SECONDS}) whose own heart rate agrees with the whole's; null when the
 *                    pulse is shorter than one stretch (see {@link #stabilityMeasurement()})
 * @param periodicity 0..1, how regular the pulse waveform was
 */
public record SignalQuality(double snrDb, Double stability, double periodicity) {

    /** The length of the stretches of pulse whose heart rates stability compares. */
    public static final double STABILITY_STRETCH_SECONDS = 6;
    /**
     * Why stability is missing. It is the only reason it can be, so the figure is kept as a plain nullable number
     * (which is how it is stored) and the reason needs no storing.
     */
    public static final String STABILITY_NEEDS_A_LONGER_PULSE = String.format(Locale.ROOT,
            "Too short for stability: it compares the heart rate of %.0f s stretches of pulse, and the pulse was "
                    + "shorter than one", STABILITY_STRETCH_SECONDS);

    public SignalQuality {
        Require.within(snrDb, -100, 100, "SNR (dB)");
        if (stability != null) {
            Require.within(stability, 0, 1, "stability");
        }
        Require.within(periodicity, 0, 1, "periodicity");
    }

    /** Stability as the other optional figures are reported: its value, or why there is none. */
    public Measurement<Double> stabilityMeasurement() {
        return stability == null ? Measurement.notMeasured(STABILITY_NEEDS_A_LONGER_PULSE) : Measurement.of(stability);
    }
}
