package io.rppg.adapter.signal.dsp;

/**
 * The heart rates the engine looks for: 0.6-3.2 Hz, that is 36-192 bpm, so that the 40-180 bpm a resting or
 * exercising person shows lie inside with room for the filter's edges. Every pulse is band-passed to it, every heart
 * rate is searched in it and every SNR weighs the heart rate against the rest of it, so that a method's choice, the
 * heart rate and the signal quality all speak of the same band.
 */
public final class PulseBand {

    public static final double FROM_HZ = 0.6;
    public static final double TO_HZ = 3.2;
    /** Around the heart rate and its first harmonic, the power within 6 bpm counts as pulse when judging SNR. */
    public static final double SNR_HALF_WIDTH_HZ = 0.1;
    /**
     * A peak at half the strongest one's frequency with at least this share of its power is the fundamental, and the
     * strongest one its harmonic. A slow heart's fundamental is weakened by the methods' short windows (POS works on
     * 1.6 s, about one beat at 40 bpm) while its sharp upstroke keeps the harmonic strong; the other way round, noise
     * rarely puts this much power exactly an octave below a true heart rate.
     */
    static final double FUNDAMENTAL_SHARE = 0.3;
    /** How far from exactly half the strongest peak's frequency the fundamental may lie (peaks are interpolated). */
    static final double OCTAVE_TOLERANCE = 0.0075;
    /** The third harmonic's power, as a share of the strongest peak's, that confirms a harmonic series. */
    static final double THIRD_HARMONIC_SHARE = 0.2;

    private PulseBand() {
    }

    /** A band-pass to the pulse band at the given sample rate. */
    public static BandPass filter(double sampleRate) {
        return new BandPass(FROM_HZ, TO_HZ, sampleRate);
    }

    /** The strongest peak of the spectrum within the pulse band, in Hz, NaN when there is none. */
    public static double peakHz(Spectrum spectrum) {
        return spectrum.peakHz(FROM_HZ, TO_HZ);
    }

    /**
     * The heart rate in Hz: the strongest peak of the pulse band, or the peak an octave below it when the strongest
     * was its harmonic: that one lies within {@value #OCTAVE_TOLERANCE} of exactly half, carries
     * {@value #FUNDAMENTAL_SHARE} of the strongest's power, and the third harmonic shows too. NaN when there is no
     * peak.
     */
    public static double heartRateHz(Spectrum spectrum) {
        double strongest = peakHz(spectrum);
        if (Double.isNaN(strongest) || strongest / 2 < FROM_HZ) {
            return strongest;
        }
        double half = spectrum.peakHz(Math.max(FROM_HZ, 0.45 * strongest), 0.55 * strongest);
        if (Double.isNaN(half)) {
            return strongest;
        }
        double peak = spectrum.powerAt(strongest);
        boolean exactOctave = Math.abs(half / strongest - 0.5) <= OCTAVE_TOLERANCE;
        boolean strongFundamental = spectrum.powerAt(half) >= FUNDAMENTAL_SHARE * peak;
        // A heart's waveform is a series of harmonics: with the fundamental there, the third one stands at 1.5 times
        // the strongest peak; noise an octave below has no such company.
        double third = spectrum.power(1.5 * strongest - SNR_HALF_WIDTH_HZ / 2, 1.5 * strongest + SNR_HALF_WIDTH_HZ / 2);
        double around = spectrum.power(strongest - SNR_HALF_WIDTH_HZ / 2, strongest + SNR_HALF_WIDTH_HZ / 2);
        boolean thirdHarmonic = third >= THIRD_HARMONIC_SHARE * around;
        return exactOctave && strongFundamental && thirdHarmonic ? half : strongest;
    }

    /** Power at the heart rate and its first harmonic over the rest of the pulse band, in dB. */
    public static double snrDb(Spectrum spectrum, double heartRateHz) {
        return spectrum.snrDb(heartRateHz, FROM_HZ, TO_HZ, SNR_HALF_WIDTH_HZ);
    }
}
