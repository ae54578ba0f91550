package io.rppg.adapter.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import java.util.UUID;

/**
 * What is wrong with the input itself: a body that is not the expected JSON or holds text that cannot be stored, a
 * parameter of the wrong type, a missing part or header, an upload over one of its limits, a header the firewall
 * refuses when it is read. Each answer names what to fix in plain words, never the parser's Java types.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InputErrorHandler {

    private final ErrorResponses responses;
    private final MultipartErrors multipart;

    InputErrorHandler(ErrorResponses responses, MultipartErrors multipart) {
        this.responses = responses;
        this.multipart = multipart;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
        return responses.entity(request, RequestBodyErrors.unreadable(request, e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mistyped(HttpServletRequest request, MethodArgumentTypeMismatchException e) {
        return invalid(request, e.getName(), e.getName() + " must be " + expected(e.getRequiredType()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(HttpServletRequest request, MissingServletRequestParameterException e) {
        return invalid(request, e.getParameterName(), e.getParameterName() + " is required");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> missingPart(HttpServletRequest request, MissingServletRequestPartException e) {
        return invalid(request, e.getRequestPartName(), "the part " + e.getRequestPartName() + " is missing");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(HttpServletRequest request, MissingRequestHeaderException e) {
        return invalid(request, e.getHeaderName(), "the header " + e.getHeaderName() + " is required");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badUpload(HttpServletRequest request, MultipartException e) {
        return responses.entity(request, multipart.of(request, e));
    }

    /**
     * Tomcat decodes the query string or a form body when a parameter is first read; one it cannot decode (a
     * malformed percent sign, bytes that are not UTF-8) or with too many parameters is refused then.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodable(HttpServletRequest request, InvalidParameterException e) {
        return responses.entity(request, e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                ? ApiError.of(HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE",
                "the query string or form holds too many parameters or is too large")
                : ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "the query string or form cannot be "
                + "decoded: it holds a malformed percent sign or bytes that are not UTF-8"));
    }

    /** The firewall checks a header's value when it is read, which may be in a controller. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(HttpServletRequest request, RequestRejectedException e) {
        return responses.entity(request, RejectedRequests.error(e));
    }

    private ResponseEntity<Object> invalid(HttpServletRequest request, String field, String message) {
        return responses.entity(request,
                ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message).withDetail("field", field));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "an id such as 3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(java.util.Locale.ROOT)).toList();
        }
        return "a valid value";
    }
}
