package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/**
 * How trustworthy the pulse signal was.
 *
 * @param snrDb       power at the heart rate and its harmonic over the rest of the pulse band, in dB
 * @param stability   0..1, how steady the heart rate stayed across the video
 * @param periodicity 0..1, how regular the pulse waveform was
 */
public record SignalQuality(double snrDb, double stability, double periodicity) {

    public SignalQuality {
        Require.within(snrDb, -100, 100, "SNR (dB)");
        Require.within(stability, 0, 1, "stability");
        Require.within(periodicity, 0, 1, "periodicity");
    }
}
