package io.rppg.adapter.web.error;

/** Thrown by a controller to answer with an {@link ApiError} in the caller's surface shape. */
public class ApiException extends RuntimeException {

    private final transient ApiError error;

    public ApiException(ApiError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
