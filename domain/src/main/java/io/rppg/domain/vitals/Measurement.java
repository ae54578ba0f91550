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
        return this instanceof Measured<T> measured ? Optional.of(measured.figure()) : Optional.empty();
    }

    default Optional<String> reasonMissing() {
        return this instanceof NotMeasured<T> missing ? Optional.of(missing.reason()) : Optional.empty();
    }

    default <R> Measurement<R> map(Function<T, R> mapper) {
        if (this instanceof Measured<T> measured) {
            return new Measured<>(mapper.apply(measured.figure()));
        }
        return new NotMeasured<>(((NotMeasured<T>) this).reason());
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
