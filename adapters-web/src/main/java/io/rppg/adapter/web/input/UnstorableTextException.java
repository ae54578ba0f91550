package io.rppg.adapter.web.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.Optional;

/** A JSON string of a request body that cannot be stored; Jackson adds the path of the field it was read for. */
public final class UnstorableTextException extends MismatchedInputException {

    private final String problem;

    UnstorableTextException(JsonParser parser, String problem) {
        super(parser, "text that cannot be stored: " + problem, String.class);
        this.problem = problem;
    }

    /** The refusal this exception explains, if it is among the causes of {@code failure}. */
    public static Optional<StorableText.Unstorable> in(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnstorableTextException unstorable) {
                return Optional.of(new StorableText.Unstorable(fieldOf(unstorable), unstorable.problem));
            }
        }
        return Optional.empty();
    }

    /** The path Jackson recorded, as the client wrote it: {@code name}, {@code events[1]}. */
    public static String fieldOf(JacksonException failure) {
        var path = new StringBuilder();
        for (var reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
