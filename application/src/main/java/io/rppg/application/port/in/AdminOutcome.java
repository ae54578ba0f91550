package io.rppg.application.port.in;

/**
 * The outcome of an administrative use case. Refusals are values: each surface renders them in its own error shape.
 * A resource of a tenant the actor may not administer is reported as {@link NotFound}, indistinguishable from a
 * missing one.
 */
public sealed interface AdminOutcome<T> {

    record Done<T>(T value) implements AdminOutcome<T> {
    }

    /** The actor's role does not allow this at all. */
    record Forbidden<T>(String reason) implements AdminOutcome<T> {
    }

    record NotFound<T>(String what) implements AdminOutcome<T> {
    }

    /** The request clashes with what exists (a taken name, an email in use). */
    record Conflict<T>(String code, String message) implements AdminOutcome<T> {
    }

    /** A field of the request is unacceptable. */
    record Invalid<T>(String field, String message) implements AdminOutcome<T> {
    }

    static <T> AdminOutcome<T> done(T value) {
        return new Done<>(value);
    }
}
