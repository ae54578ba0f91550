package io.rppg.domain.vitals;

import io.rppg.domain.Require;

import java.util.function.Function;

/**
 * What the signal engine made of one video: vitals, or a video it could not use. An unusable video is an
 * expected outcome, not an error; faults of the platform itself are exceptions and are retried.
 */
public sealed interface AnalysisOutcome {

    /**
     * The outcome handled case by case: each outcome applies its own function, so a caller cannot forget a case,
     * and a new kind of outcome fails to compile wherever one is handled. It reads like the pattern switch it
     * stands in for until the platform is on Java 21: {@code case Measured m -> ...; case Unusable u -> ...}.
     */
    <R> R fold(Function<? super Measured, ? extends R> measured, Function<? super Unusable, ? extends R> unusable);

    record Measured(Vitals vitals) implements AnalysisOutcome {
        public Measured {
            Require.present(vitals, "vitals");
        }

        @Override
        public <R> R fold(Function<? super Measured, ? extends R> measured,
                          Function<? super Unusable, ? extends R> unusable) {
            return measured.apply(this);
        }
    }

    record Unusable(AnalysisFailure failure) implements AnalysisOutcome {
        public Unusable {
            Require.present(failure, "failure");
        }

        @Override
        public <R> R fold(Function<? super Measured, ? extends R> measured,
                          Function<? super Unusable, ? extends R> unusable) {
            return unusable.apply(this);
        }
    }
}
