package io.rppg.adapter.signal;

import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.adapter.signal.video.UnusableVideoException;
import io.rppg.application.port.out.SignalEnginePort;
import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * The signal engine: face video in, vitals or the reason there are none out. Safe to call from several threads;
 * each call has its own decoder and detector.
 */
public final class RppgSignalEngineAdapter implements SignalEnginePort {

    private static final Logger LOG = LoggerFactory.getLogger(RppgSignalEngineAdapter.class);
    /** Gaps in the face longer than this split the trace; the longest piece is analysed. */
    private static final double MAX_GAP_SECONDS = 0.5;
    private static final double MIN_FACE_SHARE = 0.5;
    /** Full-range luma below which skin colour is mostly sensor noise. */
    private static final double DARKEST_USABLE_LUMA = 30;

    private final SignalEngineConfig config;
    private final SkinTraceReader reader;
    private final VitalsEstimator estimator;

    public RppgSignalEngineAdapter(SignalEngineConfig config) {
        this(config, RppgMethods.named(config.method()));
    }

    /** An engine with a method that is not among the named ones (the fingertip reading of a live trace). */
    RppgSignalEngineAdapter(SignalEngineConfig config, io.rppg.adapter.signal.method.RppgMethod method) {
        this.config = config;
        this.reader = new SkinTraceReader(config);
        this.estimator = new VitalsEstimator(method);
    }

    /** An engine with the default settings and the named method ({@code pos}, {@code chrom}, {@code green}). */
    public static RppgSignalEngineAdapter withMethod(String method) {
        return new RppgSignalEngineAdapter(SignalEngineConfig.withMethod(method));
    }

    @Override
    public AnalysisOutcome analyze(VideoSource video) {
        try {
            SkinTrace trace = reader.read(video);
            return judge(trace);
        } catch (UnusableVideoException e) {
            return new AnalysisOutcome.Unusable(e.failure());
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            LOG.error("Analysis of {} failed", video.name(), e);
            throw new SignalEngineFault("the signal engine failed on " + video.name() + ": " + e, e);
        }
    }

    /** The vitals of a whole trace, or why there are none; the live engine judges a stream's trace the same way. */
    AnalysisOutcome judge(SkinTrace trace) {
        if (trace.pictures == 0) {
            return unusable(FailureCode.UNREADABLE_VIDEO, "The video file could not be read: it holds no pictures");
        }
        double skinLuma = trace.meanSkinLuma();
        boolean dark = trace.meanSceneLuma() < DARKEST_USABLE_LUMA
                || (!Double.isNaN(skinLuma) && skinLuma < DARKEST_USABLE_LUMA);
        if (!trace.faceFound) {
            return dark ? unusable(FailureCode.TOO_DARK, FailureCode.TOO_DARK.defaultMessage())
                    : unusable(FailureCode.NO_FACE_DETECTED, FailureCode.NO_FACE_DETECTED.defaultMessage());
        }
        if (dark) {
            return unusable(FailureCode.TOO_DARK, FailureCode.TOO_DARK.defaultMessage());
        }
        if (trace.videoSeconds < config.minFaceSeconds()) {
            return unusable(FailureCode.VIDEO_TOO_SHORT, String.format(Locale.ROOT,
                    "The video is %.1f s long; at least %.0f s of face are needed", trace.videoSeconds,
                    config.minFaceSeconds()));
        }
        double faceShare = (double) trace.picturesWithFace / trace.pictures;
        int[] run = trace.longestRun(MAX_GAP_SECONDS);
        double runSeconds = trace.spanOf(run[0], run[1]);
        if (faceShare < MIN_FACE_SHARE) {
            return unusable(FailureCode.FACE_LOST, String.format(Locale.ROOT,
                    "The face was visible in only %.0f%% of the video", 100 * faceShare));
        }
        if (runSeconds < config.minFaceSeconds()) {
            return unusable(FailureCode.VIDEO_TOO_SHORT, String.format(Locale.ROOT,
                    "The longest stretch of usable face is %.1f s; at least %.0f s are needed", runSeconds,
                    config.minFaceSeconds()));
        }
        return estimator.estimate(trace, run[0], run[1], faceShare);
    }

    private static AnalysisOutcome unusable(FailureCode code, String message) {
        return new AnalysisOutcome.Unusable(new AnalysisFailure(code, message));
    }
}
