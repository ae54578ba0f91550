package io.rppg.domain.vitals;

import io.rppg.domain.Require;

import java.util.List;

/**
 * What one face video showed. Heart rate is always present (without it the scan fails instead); the rest is
 * present only when the signal supported it.
 *
 * @param method          the rPPG method that produced the pulse signal (for example {@code pos}, or
 *                        {@code auto:pos} when the best-evidence choice kept POS)
 * @param analysedSeconds how many seconds of usable face the figures rest on
 * @param framesAnalysed  how many video frames contributed
 * @param heartRateSeries the heart rate over time, one point a second, in time order; empty when not computed
 * @param rhythm          whether the beats came at a steady pace
 * @param heartRateDoubt  why the heart rate may not be a pulse at all (then the confidence is low), or null
 * @param waveform        the pulse the heart rate was read from, with its beats; null when it was not kept (results
 *                        stored before it was, listings that leave it out)
 * @param spectrum        the pulse's power across the heart rates and the chosen peak; null when the waveform is
 * @param artifacts       the stretches of the recording whose colour was disturbed, in time order; null when they
 *                        were not recorded (results stored before they were, listings that leave them out)
 */
public record Vitals(
        HeartRate heartRate,
        Measurement<RespiratoryRate> respiratoryRate,
        Measurement<HeartRateVariability> heartRateVariability,
        SignalQuality signalQuality,
        Confidence confidence,
        String method,
        double analysedSeconds,
        int framesAnalysed,
        List<HeartRatePoint> heartRateSeries,
        HeartRhythm rhythm,
        String heartRateDoubt,
        PulseWaveform waveform,
        PulseSpectrum spectrum,
        List<RecordingArtifact> artifacts) {

    /** Blood pressure and SpO2 cannot be read from the colour of a face by this engine, so they are never reported. */
    public static final String NOT_MEASURABLE_FROM_VIDEO =
            "Not measured: this platform does not estimate it from face video";

    public Vitals {
        Require.present(heartRate, "heart rate");
        Require.present(respiratoryRate, "respiratory rate");
        Require.present(heartRateVariability, "heart rate variability");
        Require.present(signalQuality, "signal quality");
        Require.present(confidence, "confidence");
        Require.text(method, "method", 40);
        Require.within(analysedSeconds, 0, 24 * 3600, "analysed seconds");
        Require.notNegative(framesAnalysed, "frames analysed");
        heartRateSeries = List.copyOf(Require.present(heartRateSeries, "heart rate series"));
        Require.present(rhythm, "rhythm");
        if (heartRateDoubt != null) {
            Require.text(heartRateDoubt, "heart rate doubt", 500);
        }
        if ((waveform == null) != (spectrum == null)) {
            throw new IllegalArgumentException("the waveform and the spectrum are kept together or not at all");
        }
        if (artifacts != null) {
            artifacts = List.copyOf(artifacts);
        }
        for (int i = 1; i < heartRateSeries.size(); i++) {
            if (heartRateSeries.get(i).seconds() <= heartRateSeries.get(i - 1).seconds()) {
                throw new IllegalArgumentException("the heart rate series must be in time order");
            }
        }
    }

    /** Vitals whose artifacts were not recorded. */
    public Vitals(HeartRate heartRate, Measurement<RespiratoryRate> respiratoryRate,
                  Measurement<HeartRateVariability> heartRateVariability, SignalQuality signalQuality,
                  Confidence confidence, String method, double analysedSeconds, int framesAnalysed,
                  List<HeartRatePoint> heartRateSeries, HeartRhythm rhythm, String heartRateDoubt,
                  PulseWaveform waveform, PulseSpectrum spectrum) {
        this(heartRate, respiratoryRate, heartRateVariability, signalQuality, confidence, method, analysedSeconds,
                framesAnalysed, heartRateSeries, rhythm, heartRateDoubt, waveform, spectrum, null);
    }

    /** Vitals without a heart rate over time and with the rhythm undetermined. */
    public Vitals(HeartRate heartRate, Measurement<RespiratoryRate> respiratoryRate,
                  Measurement<HeartRateVariability> heartRateVariability, SignalQuality signalQuality,
                  Confidence confidence, String method, double analysedSeconds, int framesAnalysed) {
        this(heartRate, respiratoryRate, heartRateVariability, signalQuality, confidence, method, analysedSeconds,
                framesAnalysed, List.of(), HeartRhythm.UNDETERMINED, null);
    }

    /** Vitals whose heart rate is not in doubt. */
    public Vitals(HeartRate heartRate, Measurement<RespiratoryRate> respiratoryRate,
                  Measurement<HeartRateVariability> heartRateVariability, SignalQuality signalQuality,
                  Confidence confidence, String method, double analysedSeconds, int framesAnalysed,
                  List<HeartRatePoint> heartRateSeries, HeartRhythm rhythm) {
        this(heartRate, respiratoryRate, heartRateVariability, signalQuality, confidence, method, analysedSeconds,
                framesAnalysed, heartRateSeries, rhythm, null);
    }

    /** Vitals without the pulse they were read from. */
    public Vitals(HeartRate heartRate, Measurement<RespiratoryRate> respiratoryRate,
                  Measurement<HeartRateVariability> heartRateVariability, SignalQuality signalQuality,
                  Confidence confidence, String method, double analysedSeconds, int framesAnalysed,
                  List<HeartRatePoint> heartRateSeries, HeartRhythm rhythm, String heartRateDoubt) {
        this(heartRate, respiratoryRate, heartRateVariability, signalQuality, confidence, method, analysedSeconds,
                framesAnalysed, heartRateSeries, rhythm, heartRateDoubt, null, null);
    }

    /** The same vitals with the pulse they were read from (both, or neither when null). */
    public Vitals withPulse(PulseWaveform waveform, PulseSpectrum spectrum) {
        return new Vitals(heartRate, respiratoryRate, heartRateVariability, signalQuality, confidence, method,
                analysedSeconds, framesAnalysed, heartRateSeries, rhythm, heartRateDoubt, waveform, spectrum,
                artifacts);
    }

    /** The same vitals with the stretches of the recording that were disturbed (null: not recorded). */
    public Vitals withArtifacts(List<RecordingArtifact> artifacts) {
        return new Vitals(heartRate, respiratoryRate, heartRateVariability, signalQuality, confidence, method,
                analysedSeconds, framesAnalysed, heartRateSeries, rhythm, heartRateDoubt, waveform, spectrum,
                artifacts);
    }
}
