package io.rppg.adapter.signal.dsp;

/**
 * Tells light from blood. A beat darkens the skin alone; a lamp whose brightness swings, or a screen that flickers,
 * changes the skin and the wall behind it by the same share. So the skin's relative swing at the heart rate is
 * weighed against the background's at the same rate: a background that swings about as much says the "pulse" is
 * the light.
 */
public final class SceneLight {

    /**
     * The background's swing counts only where it stands out of its own noise as a rhythm (its power at the rate
     * and its harmonic over the rest of the band, in dB): a lamp or a screen swings as a clear tone, while the noise
     * of a small or dim background spreads over the whole band (about -7.5 dB at any rate) and would otherwise
     * pass a faint real pulse off as light.
     */
    private static final double MIN_LIGHT_SNR_DB = 0;

    private SceneLight() {
    }

    /**
     * The background's relative swing at {@code hz} as a share of the skin's: near 0 for a pulse, near 1 for light
     * that changes the whole scene; 0 when the background shows no rhythm at that rate above its noise. Both signals are raw brightness at {@code sampleRate}; each is divided by its
     * mean and band-passed to the pulse band first. NaN when either has no swing at all.
     */
    public static double backgroundShare(double[] skin, double[] background, double sampleRate, double hz) {
        BandPass band = PulseBand.filter(sampleRate);
        Spectrum skinSpectrum = Spectrum.of(band.apply(relative(skin)), sampleRate, 1 << 14);
        Spectrum backgroundSpectrum = Spectrum.of(band.apply(relative(background)), sampleRate, 1 << 14);
        if (PulseBand.snrDb(backgroundSpectrum, hz) < MIN_LIGHT_SNR_DB) {
            return 0;
        }
        double half = PulseBand.SNR_HALF_WIDTH_HZ;
        double skinPower = skinSpectrum.power(hz - half, hz + half);
        double backgroundPower = backgroundSpectrum.power(hz - half, hz + half);
        return skinPower > 0 ? Math.sqrt(backgroundPower / skinPower) : Double.NaN;
    }

    private static double[] relative(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = mean == 0 ? 0 : x[i] / mean - 1;
        }
        return out;
    }
}
