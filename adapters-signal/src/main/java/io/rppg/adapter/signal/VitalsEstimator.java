package io.rppg.adapter.signal;

import io.rppg.adapter.signal.dsp.BandPass;
import io.rppg.adapter.signal.dsp.Beats;
import io.rppg.adapter.signal.dsp.PulseBand;
import io.rppg.adapter.signal.dsp.Resampler;
import io.rppg.adapter.signal.dsp.Respiration;
import io.rppg.adapter.signal.dsp.Spectrum;
import io.rppg.adapter.signal.method.BestEvidence;
import io.rppg.adapter.signal.method.Pos;
import io.rppg.adapter.signal.method.Pulse;
import io.rppg.adapter.signal.method.RgbTrace;
import io.rppg.adapter.signal.method.RppgMethod;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.Confidence;
import io.rppg.domain.vitals.FailureCode;
import io.rppg.domain.vitals.HeartRate;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;

/**
 * From the skin trace to vitals: resample, extract the pulse with the chosen method, band-pass, read the heart
 * rate off the spectrum, the beats off the waveform, and the breathing off the slow modulations; then judge how
 * much of it the evidence supports.
 */
final class VitalsEstimator {

    static final double RATE = 30;
    private static final int MIN_INTERVALS_FOR_HRV = 8;
    /**
     * Beat-to-beat variability needs a clear pulse and enough of it: below these, the timing error of each detected
     * beat (tens of ms at a few dB of SNR) adds to the true variability and SDNN reads up to twice the truth.
     */
    private static final double MIN_SNR_FOR_HRV_DB = 3;
    private static final double MIN_SECONDS_FOR_HRV = 15;
    private static final double MIN_PERIODICITY_FOR_HRV = 0.5;
    private static final double MIN_SECONDS_FOR_RESPIRATION = 10;
    private static final double MIN_RESPIRATION_PROMINENCE = 2.5;
    private static final double MIN_SNR_FOR_ANY_PULSE_DB = -6;

    private final RppgMethod method;
    /**
     * The pulse whose beats carry the breathing. When the method picks a luma-based pulse (GREEN, LGI) for its
     * clearer heart rate, that pulse's beat heights also follow the light and the head as they move with each
     * breath, which outvotes the true rhythm; POS projects intensity changes out, so its beats stay the reference.
     */
    private final RppgMethod breathingReference;

    VitalsEstimator(RppgMethod method) {
        this.method = method;
        this.breathingReference = method instanceof BestEvidence ? new Pos() : method;
    }

    /**
     * The vitals of the run [from, to) of the trace, or {@link FailureCode#SIGNAL_TOO_WEAK} when no pulse stands out
     * at all.
     */
    AnalysisOutcome estimate(SkinTrace trace, int from, int to, double faceShare) {
        double[] t = trace.seconds();
        RgbTrace rgb = new RgbTrace(
                Resampler.uniform(t, trace.red(), from, to, RATE),
                Resampler.uniform(t, trace.green(), from, to, RATE),
                Resampler.uniform(t, trace.blue(), from, to, RATE), RATE);
        double seconds = rgb.length() / RATE;
        Pulse extracted = method.extract(rgb);
        double[] pulse = withoutSpikes(PulseBand.filter(RATE).apply(extracted.signal()));
        Spectrum spectrum = Spectrum.of(pulse, RATE, 1 << 14);
        double hrHz = PulseBand.peakHz(spectrum);
        double snrDb = PulseBand.snrDb(spectrum, hrHz);
        if (Double.isNaN(hrHz) || snrDb < MIN_SNR_FOR_ANY_PULSE_DB) {
            return new AnalysisOutcome.Unusable(AnalysisFailure.of(FailureCode.SIGNAL_TOO_WEAK));
        }
        double bpm = hrHz * 60;
        Double stability = stability(pulse, bpm);
        double periodicity = periodicity(pulse, hrHz);
        Beats beats = beatsOf(pulse, hrHz);
        Measurement<HeartRateVariability> hrv = variability(beats, snrDb, periodicity, seconds);
        Beats breathingBeats = breathingReference == method ? beats
                : beatsOf(PulseBand.filter(RATE).apply(breathingReference.pulse(rgb)), hrHz);
        Measurement<RespiratoryRate> breathing = respiration(trace, from, to, breathingBeats, seconds);
        double snrScore = clamp((snrDb + 5) / 15);
        double lengthScore = clamp(seconds / 15);
        // Without a stability, SNR and periodicity keep their proportions and carry its weight: the confidence rests
        // on what was measured, not on an assumed stability.
        double evidence = stability == null ? (0.5 * snrScore + 0.25 * periodicity) / 0.75
                : 0.5 * snrScore + 0.25 * stability + 0.25 * periodicity;
        double confidence = clamp(evidence * Math.sqrt(faceShare) * (0.6 + 0.4 * lengthScore));
        return new AnalysisOutcome.Measured(new Vitals(new HeartRate(bpm), breathing, hrv,
                new SignalQuality(Math.max(-100, Math.min(100, snrDb)), stability, periodicity),
                new Confidence(confidence), extracted.method(), seconds, to - from));
    }

    /**
     * Clips the pulse at 4 robust standard deviations (1.4826 x the median absolute value). A jump of the face box
     * or a flash leaves a spike that carries more energy than a minute of pulse; unclipped it would swamp the
     * waveform measures (periodicity, beat heights) even where the spectrum still shows the heart rate.
     */
    static double[] withoutSpikes(double[] pulse) {
        if (pulse.length == 0) {
            return pulse;
        }
        double[] magnitudes = new double[pulse.length];
        for (int i = 0; i < pulse.length; i++) {
            magnitudes[i] = Math.abs(pulse[i]);
        }
        java.util.Arrays.sort(magnitudes);
        double limit = 4 * 1.4826 * magnitudes[magnitudes.length / 2];
        if (!(limit > 0)) {
            return pulse;
        }
        double[] clipped = new double[pulse.length];
        for (int i = 0; i < pulse.length; i++) {
            clipped[i] = Math.max(-limit, Math.min(limit, pulse[i]));
        }
        return clipped;
    }

    /**
     * Beats timed on the fundamental alone: the waveform's harmonics and dicrotic notch would add peaks. Interval
     * changes are sidebands around the heart rate; the band keeps 0.8 Hz of them on either side.
     */
    private static Beats beatsOf(double[] pulse, double hrHz) {
        double[] fundamental = new BandPass(Math.max(0.4, hrHz - 0.8), Math.min(hrHz + 0.8, 1.7 * hrHz), RATE)
                .apply(pulse);
        return Beats.find(fundamental, RATE, hrHz * 60);
    }

    /**
     * Share of 6 s windows (1 s apart) whose own heart rate lies within 6 bpm of the overall one; null when the pulse
     * is shorter than one window, which leaves nothing to compare.
     */
    private static Double stability(double[] pulse, double bpm) {
        int window = (int) Math.round(SignalQuality.STABILITY_STRETCH_SECONDS * RATE);
        if (pulse.length < window) {
            return null;
        }
        int agree = 0, windows = 0;
        for (int start = 0; start + window <= pulse.length; start += (int) RATE) {
            double[] part = java.util.Arrays.copyOfRange(pulse, start, start + window);
            double local = PulseBand.peakHz(Spectrum.of(part, RATE, 2048)) * 60;
            windows++;
            if (Math.abs(local - bpm) <= 6) {
                agree++;
            }
        }
        return (double) agree / windows;
    }

    /** Autocorrelation of the pulse at one beat's lag (best within 15% of it), 0 when negative. */
    private static double periodicity(double[] pulse, double hrHz) {
        int lag = (int) Math.round(RATE / hrHz);
        double energy = 0;
        for (double v : pulse) {
            energy += v * v;
        }
        if (energy == 0) {
            return 0;
        }
        double best = 0;
        for (int l = (int) Math.floor(lag * 0.85); l <= Math.ceil(lag * 1.15) && l < pulse.length; l++) {
            double sum = 0;
            for (int i = 0; i + l < pulse.length; i++) {
                sum += pulse[i] * pulse[i + l];
            }
            best = Math.max(best, sum / energy * pulse.length / (pulse.length - l));
        }
        return clamp(best);
    }

    private static Measurement<HeartRateVariability> variability(Beats beats, double snrDb, double periodicity,
                                                                 double seconds) {
        if (seconds < MIN_SECONDS_FOR_HRV) {
            return Measurement.notMeasured(String.format(java.util.Locale.ROOT,
                    "Too short for beat-to-beat variability: %.0f s of pulse, %.0f s needed", seconds,
                    MIN_SECONDS_FOR_HRV));
        }
        if (snrDb < MIN_SNR_FOR_HRV_DB || periodicity < MIN_PERIODICITY_FOR_HRV) {
            return Measurement.notMeasured(String.format(java.util.Locale.ROOT,
                    "Pulse too noisy for beat-to-beat timing (SNR %.1f dB, periodicity %.2f)", snrDb, periodicity));
        }
        if (beats.acceptedIntervalsMs().length < MIN_INTERVALS_FOR_HRV || beats.successivePairs() < 2) {
            return Measurement.notMeasured("Too few clean beat intervals (" + beats.acceptedIntervalsMs().length
                    + ", at least " + MIN_INTERVALS_FOR_HRV + " needed)");
        }
        if (beats.acceptedShare() < 0.7) {
            return Measurement.notMeasured(String.format(java.util.Locale.ROOT,
                    "Too many implausible beat intervals (%.0f%% rejected)", 100 * (1 - beats.acceptedShare())));
        }
        double sdnn = beats.sdnnMs();
        double rmssd = beats.rmssdMs();
        if (!(sdnn <= 1000) || !(rmssd <= 1000)) {
            return Measurement.notMeasured("Beat intervals out of range");
        }
        return Measurement.of(new HeartRateVariability(sdnn, rmssd, beats.acceptedIntervalsMs().length));
    }

    private static Measurement<RespiratoryRate> respiration(SkinTrace trace, int from, int to, Beats beats,
                                                            double seconds) {
        if (seconds < MIN_SECONDS_FOR_RESPIRATION) {
            return Measurement.notMeasured(String.format(java.util.Locale.ROOT,
                    "Too short for breathing: %.0f s of face, %.0f s needed", seconds, MIN_SECONDS_FOR_RESPIRATION));
        }
        double[] vertical = Resampler.uniform(trace.seconds(), trace.vertical(), from, to, RATE);
        double bpm = new Respiration()
                .addUniform(vertical, RATE)
                .addAtTimes(beats.peakSeconds(), beats.peakHeights())
                .addAtTimes(beats.acceptedAtSeconds(), beats.acceptedIntervalsMs())
                .breathsPerMinute(MIN_RESPIRATION_PROMINENCE);
        if (Double.isNaN(bpm)) {
            return Measurement.notMeasured("No clear breathing rhythm in face motion or pulse modulation");
        }
        return Measurement.of(new RespiratoryRate(bpm));
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
