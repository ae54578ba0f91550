package io.rppg.domain.vitals;

import io.rppg.domain.Require;

/**
 * What the signal engine made of one video: vitals, or a video it could not use. An unusable video is an
 * expected outcome, not an error; faults of the platform itself are exceptions and are retried.
 */
public sealed interface AnalysisOutcome {

    record Measured(Vitals vitals) implements AnalysisOutcome {
        public Measured {
            Require.present(vitals, "vitals");
        }
    }

    record Unusable(AnalysisFailure failure) implements AnalysisOutcome {
        public Unusable {
            Require.present(failure, "failure");
        }
    }
}
