package io.rppg.adapter.signal;

import io.rppg.adapter.signal.dsp.BandPass;
import io.rppg.adapter.signal.dsp.Beats;
import io.rppg.adapter.signal.dsp.HeartRateSeries;
import io.rppg.adapter.signal.dsp.SceneLight;
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
import io.rppg.domain.vitals.HeartRatePoint;
import io.rppg.domain.vitals.HeartRhythm;
import io.rppg.domain.vitals.HeartRateVariability;
import io.rppg.domain.vitals.Measurement;
import io.rppg.domain.vitals.RespiratoryRate;
import io.rppg.domain.vitals.SignalQuality;
import io.rppg.domain.vitals.Vitals;

import java.util.ArrayList;
import java.util.List;

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
    /**
     * Below this, no peak stands out of the noise at all. The band reaches down to 0.6 Hz, where drift and breathing
     * leave the most power, which lowers every SNR by a dB or two compared with a band starting at 0.7 Hz.
     */
    private static final double MIN_SNR_FOR_ANY_PULSE_DB = -8;
    /** A background swinging at the heart rate by this share of the skin's swing makes the "pulse" the light's. */
    private static final double MAX_BACKGROUND_SHARE = 0.5;
    /**
     * Relative swing of the skin's green within the pulse band (its standard deviation) below which the skin shows
     * no pulse. A face's pulse of 0.8 % at the systolic peak, as the generated faces draw it, swings it by 0.13-0.30 %
     * on mpeg4 and FFV1; faces without a pulse, breathing or not, by 0.05-0.10 % (head motion, codec and sensor
     * noise).
     */
    private static final double QUIET_SKIN_SWING = 0.0012;
    /**
     * A swing that faint is still a pulse when it repeats beat after beat: H.264 as the LGPL FFmpeg encodes it (with
     * libopenh264) flattens a 0.8 % pulse to 0.08 %, yet keeps its rhythm. Faces without a pulse show 0.07-0.40.
     */
    private static final double MIN_PERIODICITY_OF_A_FAINT_PULSE = 0.5;
    /**
     * How far the head motion's peak must stand above the pulse band's mean to be a motion of its own: a tracker's
     * white jitter peaks at about 4 times the mean (below 9 in 99 of 100 clips of 10-60 s), the generated faces'
     * sway at 38 a minute at 33-39.
     */
    private static final double CLEAR_HEAD_MOTION = 10;
    /**
     * Share of the head motion's peak power at the heart rate above which the rate lies on that peak. Heavily
     * compressed generated faces read at their sway's rate show 0.86-1.00 there, rates read elsewhere at most 0.37.
     */
    private static final double HEAD_MOTION_SHARE = 0.5;
    /** The highest confidence a heart rate in doubt is reported with: below what counts as a confident rate. */
    private static final double DOUBTED_CONFIDENCE = 0.25;
    /** A channel darker than this (of 255) holds too few levels for a relative swing to mean anything. */
    private static final double DARKEST_CHANNEL_WITH_A_SWING = 10;
    private static final double SATURATED = 250;
    /** A window whose own confidence reaches this counts when judging whether the rate changed over the clip. */
    private static final double CLEAR_WINDOW = 0.5;
    private static final double CHANGING_RATE_BPM = 10;
    private static final double IRREGULAR_CHANGE = 0.12;
    /**
     * Beats alike to at least this (their {@link Beats#shapeConsistency shape consistency}) are all heartbeats, so
     * that jumps between their intervals are the heart's, not noise's.
     */
    private static final double CLEAN_BEATS = 0.95;
    /**
     * Successive change of clean beats above which the rhythm is irregular when the intervals are also uncorrelated.
     * Lower than {@value #IRREGULAR_CHANGE}: a peak lies a share of its own interval after the beat's start, so each
     * peak-to-peak interval mixes two true ones and shows less of their spread (a fibrillation-like rhythm of SDNN
     * 110 ms at 70 bpm changes by 0.08 from peak to peak); regular hearts show at most 0.08, with their changes
     * following breathing or, when a little noise moves the peaks, alternating long and short.
     */
    private static final double IRREGULAR_CHANGE_OF_CLEAN_BEATS = 0.072;
    /**
     * Intervals drawn anew at each beat are uncorrelated from one to the next; breathing's swing of a sinus rhythm
     * correlates them (positive), peaks moved by noise make a long one follow a short one (negative). A change near
     * the bound must come with intervals this close to uncorrelated; peaks that mix two true intervals each (see
     * above) correlate fibrillation's intervals by about +0.17, so a clearly larger change is allowed
     * {@value #MAX_INTERVAL_CORRELATION_WHEN_CLEARLY_IRREGULAR}.
     */
    private static final double MAX_INTERVAL_CORRELATION_WHEN_IRREGULAR = 0.15;
    private static final double CLEARLY_IRREGULAR_CHANGE = 0.10;
    private static final double MAX_INTERVAL_CORRELATION_WHEN_CLEARLY_IRREGULAR = 0.3;

    private final RppgMethod method;
    private final double quietSkinSwing;
    /**
     * The pulse whose beats carry the breathing. When the method picks a luma-based pulse (GREEN, LGI) for its
     * clearer heart rate, that pulse's beat heights also follow the light and the head as they move with each
     * breath, which outvotes the true rhythm; POS projects intensity changes out, so its beats stay the reference.
     */
    private final RppgMethod breathingReference;

    VitalsEstimator(RppgMethod method) {
        this(method, QUIET_SKIN_SWING);
    }

    /**
     * @param quietSkinSwing the skin's relative swing below which it shows no pulse; 0 where the trace cannot come
     *                       from a photograph (a fingertip on the lens, whose swing depends on the pressure)
     */
    VitalsEstimator(RppgMethod method, double quietSkinSwing) {
        this.method = method;
        this.quietSkinSwing = quietSkinSwing;
        this.breathingReference = method instanceof BestEvidence ? new Pos() : method;
    }

    /**
     * The vitals of the run [from, to) of the trace; {@link FailureCode#NO_PULSE} when the skin shows no pulse or
     * the light explains what it shows, {@link FailureCode#SIGNAL_TOO_WEAK} when the trace is too noisy to tell.
     */
    AnalysisOutcome estimate(SkinTrace trace, int from, int to, double faceShare) {
        double[] t = trace.seconds();
        RgbTrace rgb = RegionWeighting.colour(trace, from, to).resampled(RATE);
        double seconds = rgb.length() / RATE;
        Pulse extracted = method.extract(rgb);
        double[] pulse = withoutSpikes(PulseBand.filter(RATE).apply(extracted.signal()));
        Spectrum spectrum = Spectrum.of(pulse, RATE, 1 << 14);
        double hrHz = PulseBand.heartRateHz(spectrum);
        if (Double.isNaN(hrHz)) {
            return new AnalysisOutcome.Unusable(AnalysisFailure.of(FailureCode.SIGNAL_TOO_WEAK));
        }
        double snrDb = PulseBand.snrDb(spectrum, hrHz);
        if (snrDb < MIN_SNR_FOR_ANY_PULSE_DB) {
            return new AnalysisOutcome.Unusable(AnalysisFailure.of(FailureCode.SIGNAL_TOO_WEAK));
        }
        double spectralBpm = hrHz * 60;
        double periodicity = periodicity(pulse, hrHz);
        double skinSwing = skinSwing(rgb);
        // Too faint and unsteady for a live face's pulse, yet a heavily compressed video (H.264 flattens the pulse to
        // a tenth) looks the same: the rate is kept, but not believed.
        String doubt = skinSwing < quietSkinSwing && periodicity < MIN_PERIODICITY_OF_A_FAINT_PULSE
                ? String.format(java.util.Locale.ROOT, "No clear pulse: the skin's colour swings by only %.2f%% "
                        + "within the heart rates, without a steady beat (periodicity %.2f), as in a photograph or a "
                        + "heavily compressed video", 100 * skinSwing, periodicity)
                : null;
        // A head that sways or nods at a steady pace is just as steady: a faint swing at the rate the head moves at
        // may be the motion's, however regular.
        if (doubt == null && skinSwing < quietSkinSwing && headMovesAt(trace, from, to, hrHz)) {
            doubt = String.format(java.util.Locale.ROOT, "No clear pulse: the skin's colour swings by only %.2f%% "
                    + "within the heart rates, at the pace the head moves up and down (%.0f times a minute): the "
                    + "motion may be what the colour shows", 100 * skinSwing, hrHz * 60);
        }
        double lightShare = lightShare(trace, from, to, rgb, hrHz);
        if (lightShare >= MAX_BACKGROUND_SHARE) {
            return noPulse(String.format(java.util.Locale.ROOT, "The brightness of the whole scene swings %.0f times "
                    + "a minute, the background's as much as the skin's: that is the light, not blood", hrHz * 60));
        }
        // A window of a clip in doubt shows the same faint swing: it is no surer than the clip.
        List<HeartRatePoint> series = series(pulse, t[from], doubt == null ? 1 : DOUBTED_CONFIDENCE);
        Double stability = stability(pulse, spectralBpm);
        Beats beats = beatsOf(pulse, hrHz);
        Beats breathingBeats = beats;
        double breathingSnrDb = snrDb;
        if (breathingReference != method) {
            double[] reference = PulseBand.filter(RATE).apply(breathingReference.pulse(rgb));
            breathingBeats = beatsOf(reference, hrHz);
            breathingSnrDb = PulseBand.snrDb(Spectrum.of(reference, RATE, 1 << 14), hrHz);
        }
        Measurement<RespiratoryRate> breathing = respiration(trace, from, to,
                breathingSnrDb >= MIN_SNR_FOR_HRV_DB ? breathingBeats : null, seconds);
        // The short intervals of an irregular rhythm fall below the usual spacing of peaks, and the narrow band around
        // the spectral peak (itself off, as the rhythm spreads its power) merges them and evens them out: the rhythm
        // is judged on the beats of the broad pulse, allowing half an interval at 1.2 times that rate between two.
        Beats broadBeats = Beats.find(pulse, RATE, spectralBpm * 1.2);
        // Beats of a rate in doubt may be a sway's or the noise's: neither their rhythm nor their variability is told.
        HeartRhythm rhythm = doubt != null ? HeartRhythm.UNDETERMINED : rhythmOf(beats, broadBeats, pulse, seconds);
        if (rhythm == HeartRhythm.IRREGULAR) {
            beats = broadBeats;
        }
        double bpm = headline(spectralBpm, series, beats, rhythm);
        Measurement<HeartRateVariability> hrv = doubt != null
                ? Measurement.notMeasured("No beat-to-beat variability: the heart rate itself is in doubt")
                : rhythm == HeartRhythm.IRREGULAR ? Measurement.notMeasured(irregularReason(beats))
                : variability(beats, snrDb, periodicity, seconds);
        double snrScore = clamp((snrDb + 5) / 15);
        double lengthScore = clamp(seconds / 15);
        // Without a stability, SNR and periodicity keep their proportions and carry its weight: the confidence rests
        // on what was measured, not on an assumed stability.
        double evidence = stability == null ? (0.5 * snrScore + 0.25 * periodicity) / 0.75
                : 0.5 * snrScore + 0.25 * stability + 0.25 * periodicity;
        double confidence = clamp(evidence * Math.sqrt(faceShare) * (0.6 + 0.4 * lengthScore));
        if (doubt != null) {
            confidence = Math.min(confidence, DOUBTED_CONFIDENCE);
        }
        return new AnalysisOutcome.Measured(new Vitals(new HeartRate(bpm), breathing, hrv,
                new SignalQuality(Math.max(-100, Math.min(100, snrDb)), stability, periodicity),
                new Confidence(confidence), extracted.method(), seconds, to - from, series, rhythm, doubt)
                .withPulse(PulseShapes.waveform(pulse, beats, RATE), PulseShapes.spectrum(spectrum, hrHz))
                .withArtifacts(trace.artifacts().stream().map(TraceArtifact::reported).toList()));
    }

    /**
     * Whether the head's up-and-down motion within the pulse band has a clear peak ({@value #CLEAR_HEAD_MOTION} times
     * the band's mean power) and the heart rate lies on it (the motion's power there at least
     * {@value #HEAD_MOTION_SHARE} of its peak's). A head's own recoil at each heartbeat peaks at the heart rate too,
     * which is why this only takes away what a steady rhythm vouches for in a faint swing.
     */
    private static boolean headMovesAt(SkinTrace trace, int from, int to, double hrHz) {
        double[] vertical = PulseBand.filter(RATE).apply(
                Resampler.uniform(trace.seconds(), trace.vertical(), from, to, RATE));
        Spectrum motion = Spectrum.of(vertical, RATE, 1 << 14);
        double strongest = PulseBand.peakHz(motion);
        if (Double.isNaN(strongest) || motion.prominence(PulseBand.FROM_HZ, PulseBand.TO_HZ) < CLEAR_HEAD_MOTION) {
            return false;
        }
        return motion.powerAt(hrHz) >= HEAD_MOTION_SHARE * motion.powerAt(strongest);
    }

    /**
     * The background's swing at the heart rate as a share of the skin's ({@link SceneLight}); NaN when the face
     * left too little background to measure in more than a tenth of the pictures.
     */
    private static double lightShare(SkinTrace trace, int from, int to, RgbTrace rgb, double hrHz) {
        double[] reference = trace.reference();
        int missing = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(reference[i])) {
                missing++;
            }
        }
        if (missing > 0.1 * (to - from)) {
            return Double.NaN;
        }
        double[] filled = new double[to];
        double last = Double.NaN;
        for (int i = to - 1; i >= from && Double.isNaN(last); i--) {
            last = reference[i];
        }
        for (int i = from; i < to; i++) {
            last = Double.isNaN(reference[i]) ? last : reference[i];
            filled[i] = last;
        }
        double[] background = Resampler.uniform(trace.seconds(), filled, from, to, RATE);
        return SceneLight.backgroundShare(rgb.green(), background, RATE, hrHz);
    }

    /**
     * The skin's relative swing within the pulse band (standard deviation over mean) in green, where blood shows
     * most; in the brightest unsaturated channel when green is too dark to carry a swing (a fingertip over a flash
     * is nearly pure red).
     */
    private static double skinSwing(RgbTrace rgb) {
        double[] channel = rgb.green();
        if (mean(channel) < DARKEST_CHANNEL_WITH_A_SWING) {
            double best = -1;
            for (double[] candidate : List.of(rgb.red(), rgb.green(), rgb.blue())) {
                double mean = mean(candidate);
                if (mean < SATURATED && mean > best) {
                    best = mean;
                    channel = candidate;
                }
            }
        }
        double mean = mean(channel);
        if (mean <= 0) {
            return 0;
        }
        double[] relative = new double[channel.length];
        for (int i = 0; i < relative.length; i++) {
            relative[i] = channel[i] / mean - 1;
        }
        double[] band = PulseBand.filter(RATE).apply(relative);
        double sum = 0;
        for (double v : band) {
            sum += v * v;
        }
        return Math.sqrt(sum / band.length);
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /**
     * The heart rate over time, with each window's confidence from its own SNR, at most {@code mostConfidence}, timed
     * from the video's start.
     */
    private static List<HeartRatePoint> series(double[] pulse, double startSeconds, double mostConfidence) {
        List<HeartRatePoint> points = new ArrayList<>();
        for (HeartRateSeries.Point p : HeartRateSeries.of(pulse, RATE)) {
            if (p.bpm() >= HeartRate.MIN_BPM && p.bpm() <= HeartRate.MAX_BPM) {
                points.add(new HeartRatePoint(startSeconds + p.centreSeconds(), p.bpm(),
                        Math.min(mostConfidence, clamp((p.snrDb() + 5) / 15))));
            }
        }
        return points;
    }

    /**
     * The clip's mean heart rate. For a steady heart the whole clip's spectral peak is the most precise reading. A
     * heart that speeds up or slows down spreads its power over the rates it passed through, and an irregular one
     * over a wide band, so that the peak may sit anywhere within; then the beats counted over the clip give the
     * mean, or failing them the mean of the heart rate over time.
     */
    private static double headline(double spectralBpm, List<HeartRatePoint> series, Beats beats, HeartRhythm rhythm) {
        double lowest = Double.MAX_VALUE, highest = -Double.MAX_VALUE, sum = 0;
        int clear = 0;
        for (HeartRatePoint p : series) {
            if (p.confidence() >= CLEAR_WINDOW) {
                lowest = Math.min(lowest, p.bpm());
                highest = Math.max(highest, p.bpm());
                sum += p.bpm();
                clear++;
            }
        }
        boolean changing = clear >= 3 && highest - lowest > CHANGING_RATE_BPM;
        if (!changing && rhythm != HeartRhythm.IRREGULAR) {
            return spectralBpm;
        }
        double counted = beats.meanRateBpm();
        if (!Double.isNaN(counted) && counted >= HeartRate.MIN_BPM && counted <= HeartRate.MAX_BPM) {
            return counted;
        }
        return clear > 0 ? sum / clear : spectralBpm;
    }

    /**
     * Irregular when clean beats of the broad pulse (alike in shape: every peak a heartbeat) change by more than
     * {@value #IRREGULAR_CHANGE_OF_CLEAN_BEATS} of the usual interval from one beat to the next with intervals
     * uncorrelated from one to the next (within {@value #MAX_INTERVAL_CORRELATION_WHEN_IRREGULAR} of 0, or
     * {@value #MAX_INTERVAL_CORRELATION_WHEN_CLEARLY_IRREGULAR} for a change above {@value #CLEARLY_IRREGULAR_CHANGE}),
     * as in fibrillation. Otherwise regular when the beats of the heart-rate band differ by at most
     * {@value #IRREGULAR_CHANGE}, and undetermined when they jump more: beats that noise placed also make intervals
     * jump, and a rhythm is never called irregular from beats that do not look alike.
     */
    private static HeartRhythm rhythmOf(Beats beats, Beats broadBeats, double[] pulse, double seconds) {
        if (seconds < MIN_SECONDS_FOR_HRV) {
            return HeartRhythm.UNDETERMINED;
        }
        double broadChange = broadBeats.successiveChange();
        double broadCorrelation = broadBeats.intervalCorrelation();
        boolean clean = broadBeats.shapeConsistency(pulse, RATE) >= CLEAN_BEATS
                && broadBeats.plausibleIntervalsMs().length >= MIN_INTERVALS_FOR_HRV;
        boolean uncorrelated = Math.abs(broadCorrelation) < (broadChange > CLEARLY_IRREGULAR_CHANGE
                ? MAX_INTERVAL_CORRELATION_WHEN_CLEARLY_IRREGULAR : MAX_INTERVAL_CORRELATION_WHEN_IRREGULAR);
        if (clean && broadChange > IRREGULAR_CHANGE_OF_CLEAN_BEATS && uncorrelated) {
            return HeartRhythm.IRREGULAR;
        }
        double change = beats.successiveChange();
        if (Double.isNaN(change) || beats.plausibleIntervalsMs().length < MIN_INTERVALS_FOR_HRV) {
            return HeartRhythm.UNDETERMINED;
        }
        return change <= IRREGULAR_CHANGE ? HeartRhythm.REGULAR : HeartRhythm.UNDETERMINED;
    }

    private static AnalysisOutcome noPulse(String why) {
        return new AnalysisOutcome.Unusable(new AnalysisFailure(FailureCode.NO_PULSE,
                FailureCode.NO_PULSE.defaultMessage() + " " + why));
    }

    private static String irregularReason(Beats beats) {
        double[] intervals = beats.plausibleIntervalsMs();
        double mean = java.util.Arrays.stream(intervals).average().orElse(Double.NaN);
        double sum = 0;
        for (double ibi : intervals) {
            sum += (ibi - mean) * (ibi - mean);
        }
        double sdnn = Math.sqrt(sum / Math.max(1, intervals.length - 1));
        return String.format(java.util.Locale.ROOT, "Irregular rhythm: successive beat intervals differ by %.0f%% "
                        + "at random (their spread is about %.0f ms), as in atrial fibrillation; SDNN and RMSSD describe "
                        + "a regular rhythm and are not reported", 100 * beats.successiveChange(), sdnn);
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
            double local = PulseBand.heartRateHz(Spectrum.of(part, RATE, 2048)) * 60;
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
        double change = beats.successiveChange();
        if (change > IRREGULAR_CHANGE) {
            // Jumps this large are either an irregular rhythm or beats misplaced by noise; the rhythm could not be
            // told (it would have been reported as irregular), and neither case has a regular rhythm's SDNN.
            return Measurement.notMeasured(String.format(java.util.Locale.ROOT, "Beat intervals jump by %.0f%% from "
                    + "one beat to the next, more than a regular rhythm's %.0f%%: an irregular rhythm or misplaced "
                    + "beats; SDNN and RMSSD are not reported", 100 * change, 100 * IRREGULAR_CHANGE));
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

    /**
     * Breathing from the head's vertical motion and, when they are timed well enough, the beats' heights and
     * intervals ({@code beats} null when they are not). Beats picked out of a pulse below {@value #MIN_SNR_FOR_HRV_DB}
     * dB (a codec's flattened chroma) are placed by the noise as much as by the heart: their heights and intervals
     * then swing at whatever slow rate the noise has, and two of them agreeing by chance outvoted the head.
     */
    private static Measurement<RespiratoryRate> respiration(SkinTrace trace, int from, int to, Beats beats,
                                                            double seconds) {
        if (seconds < MIN_SECONDS_FOR_RESPIRATION) {
            return Measurement.notMeasured(String.format(java.util.Locale.ROOT,
                    "Too short for breathing: %.0f s of face, %.0f s needed", seconds, MIN_SECONDS_FOR_RESPIRATION));
        }
        double[] vertical = Resampler.uniform(trace.seconds(), trace.vertical(), from, to, RATE);
        Respiration respiration = new Respiration().addUniform(vertical, RATE);
        if (beats != null) {
            respiration.addAtTimes(beats.peakSeconds(), beats.peakHeights())
                    .addAtTimes(beats.acceptedAtSeconds(), beats.acceptedIntervalsMs());
        }
        double bpm = respiration.breathsPerMinute(MIN_RESPIRATION_PROMINENCE);
        if (Double.isNaN(bpm)) {
            return Measurement.notMeasured("No clear breathing rhythm in face motion or pulse modulation");
        }
        return Measurement.of(new RespiratoryRate(bpm));
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
