package io.rppg.adapter.web.error;

import io.rppg.adapter.web.input.StorableText;
import io.rppg.adapter.web.input.UnstorableTextException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/** Why a JSON request body was not read, in words a client can act on and with the field it concerns. */
public final class RequestBodyErrors {

    private RequestBodyErrors() {
    }

    static ApiError unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
        var unstorable = UnstorableTextException.in(e);
        if (unstorable.isPresent()) {
            return unstorable(request, unstorable.get());
        }
        var error = ApiError.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "the request body is not valid JSON of the expected shape");
        // A value of the wrong type names its field; the parser's own words (Java types) stay out of the answer.
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            var field = UnstorableTextException.fieldOf(jackson);
            return ApiError.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                    "the request body is not valid JSON of the expected shape: " + field + " has the wrong type")
                    .withDetail("field", field);
        }
        return error;
    }

    /** Text that cannot be stored: a validation error of the field that holds it, on every surface. */
    public static ApiError unstorable(HttpServletRequest request, StorableText.Unstorable unstorable) {
        var nervoscan = ApiSurface.of(request.getRequestURI()) == ApiSurface.NERVOSCAN;
        var code = nervoscan ? "INVALID_REQUEST" : "VALIDATION_ERROR";
        return ApiError.of(HttpStatus.BAD_REQUEST, code, unstorable.message()).withDetail("field", unstorable.field());
    }
}
