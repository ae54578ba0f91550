package io.rppg.adapter.signal.video;

import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.FailureCode;

/** The video cannot be analysed, for a reason that lies in the video itself. */
public final class UnusableVideoException extends Exception {

    private final transient AnalysisFailure failure;

    public UnusableVideoException(FailureCode code, String message) {
        super(message);
        this.failure = new AnalysisFailure(code, message);
    }

    public AnalysisFailure failure() {
        return failure;
    }
}
