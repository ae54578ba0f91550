package io.rppg.adapter.signal.dsp;

/**
 * The heart rates the engine looks for: 0.7-3.5 Hz, that is 42-210 bpm. Every pulse is band-passed to it, every
 * heart rate is searched in it and every SNR weighs the heart rate against the rest of it, so that a method's
 * choice, the heart rate and the signal quality all speak of the same band.
 */
public final class PulseBand {

    public static final double FROM_HZ = 0.7;
    public static final double TO_HZ = 3.5;
    /** Around the heart rate and its first harmonic, the power within 6 bpm counts as pulse when judging SNR. */
    public static final double SNR_HALF_WIDTH_HZ = 0.1;

    private PulseBand() {
    }

    /** A band-pass to the pulse band at the given sample rate. */
    public static BandPass filter(double sampleRate) {
        return new BandPass(FROM_HZ, TO_HZ, sampleRate);
    }

    /** The strongest peak of the spectrum within the pulse band: the heart rate in Hz, NaN when there is none. */
    public static double peakHz(Spectrum spectrum) {
        return spectrum.peakHz(FROM_HZ, TO_HZ);
    }

    /** Power at the heart rate and its first harmonic over the rest of the pulse band, in dB. */
    public static double snrDb(Spectrum spectrum, double heartRateHz) {
        return spectrum.snrDb(heartRateHz, FROM_HZ, TO_HZ, SNR_HALF_WIDTH_HZ);
    }
}
