package io.rppg.domain.vitals;

import io.rppg.domain.Require;

import java.util.Optional;
import java.util.function.Function;

/**
 * A figure the video supported, or the reason it did not. The platform reports no number it did not compute.
 */
public sealed interface Measurement<T> {

    static <T> Measurement<T> of(T value) {
        return new Measured<>(value);
    }

    static <T> Measurement<T> notMeasured(String reason) {
        return new NotMeasured<>(reason);
    }

    default Optional<T> value() {
        return switch (this) {
            case Measured<T>(var figure) -> Optional.of(figure);
            case NotMeasured<T> missing -> Optional.empty();
        };
    }

    default Optional<String> reasonMissing() {
        return switch (this) {
            case Measured<T> measured -> Optional.empty();
            case NotMeasured<T>(var reason) -> Optional.of(reason);
        };
    }

    default <R> Measurement<R> map(Function<T, R> mapper) {
        return switch (this) {
            case Measured<T>(var figure) -> new Measured<>(mapper.apply(figure));
            case NotMeasured<T>(var reason) -> new NotMeasured<>(reason);
        };
    }

    record Measured<T>(T figure) implements Measurement<T> {
        public Measured {
            Require.present(figure, "measured value");
        }
    }

    record NotMeasured<T>(String reason) implements Measurement<T> {
        public NotMeasured {
            Require.text(reason, "reason", 500);
        }
    }
}
