package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/** Why an analysis gave no vitals: a code for machines and a message for people. */
public record AnalysisFailure(FailureCode code, String message) {

    public AnalysisFailure {
        Require.present(code, "failure code");
        Require.text(message, "failure message", 1000);
    }

    public static AnalysisFailure of(FailureCode code) {
        return new AnalysisFailure(code, code.defaultMessage());
    }
}
