package io.rppg.adapter.signal.method;

import io.rppg.adapter.signal.dsp.BandPass;
import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.dsp.Spectrum;

import java.util.List;

/**
 * Runs several methods on the same trace and keeps the pulse with the strongest evidence: the one whose spectrum
 * puts the largest share of the pulse band's power at its own heart rate and first harmonic (SNR). POS wins on
 * clean video, where the chroma pulse is intact; on video whose codec has wiped out most of the chroma pulse, the
 * luma-based GREEN or LGI pulse often stands out more clearly, and then it is the one kept. No candidate is
 * favoured: the choice is made on each trace's own spectra alone.
 */
public final class BestEvidence implements RppgMethod {

    private final List<RppgMethod> candidates;

    public BestEvidence(List<RppgMethod> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate method is needed");
        }
        this.candidates = List.copyOf(candidates);
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public double[] pulse(RgbTrace trace) {
        return choose(trace).pulse();
    }

    /** The kept pulse, named {@code auto:} and the candidate's name, so that a report shows which one it was. */
    @Override
    public Pulse extract(RgbTrace trace) {
        Choice choice = choose(trace);
        return new Pulse(name() + ":" + choice.method(), choice.pulse());
    }

    /** The candidate whose pulse has the highest SNR, with its pulse and that SNR. */
    public Choice choose(RgbTrace trace) {
        Choice best = null;
        BandPass band = PulseBand.filter(trace.sampleRate());
        for (RppgMethod method : candidates) {
            double[] pulse = method.pulse(trace);
            Spectrum spectrum = Spectrum.of(band.apply(pulse), trace.sampleRate(), 1 << 14);
            double hz = PulseBand.heartRateHz(spectrum);
            double snr = Double.isNaN(hz) ? -100 : PulseBand.snrDb(spectrum, hz);
            if (best == null || snr > best.snrDb()) {
                best = new Choice(method.name(), pulse, snr);
            }
        }
        return best;
    }

    /** One candidate's pulse and the SNR it was judged by. */
    public record Choice(String method, double[] pulse, double snrDb) {
    }
}
