package io.rppg.adapter.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.sql.SQLTransientConnectionException;

/**
 * Every error a controller or Spring MVC raises, answered in the caller's surface shape. Nothing leaves as a default
 * error page or a stack trace. What is wrong with the input itself is answered first by {@link InputErrorHandler}.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses responses;

    public ApiExceptionHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(HttpServletRequest request, ApiException e) {
        return responses.entity(request, e.error());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(HttpServletRequest request, MethodArgumentNotValidException e) {
        var field = e.getBindingResult().getFieldError();
        var name = field == null ? "body" : field.getField();
        var message = field == null ? "the request is invalid" : name + " " + field.getDefaultMessage();
        return responses.entity(request,
                ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", message).withDetail("field", name));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> wrongMethod(HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        return responses.entity(request, ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                request.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> wrongMediaType(HttpServletRequest request, HttpMediaTypeNotSupportedException e) {
        return responses.entity(request, ApiError.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                nervoscanOr(request, "UNSUPPORTED_MEDIA_TYPE"),
                "content type " + e.getContentType() + " is not supported here"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpServletRequest request, HttpMediaTypeNotAcceptableException e) {
        return responses.entity(request, ApiError.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                "this resource is available as JSON only"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noRoute(HttpServletRequest request, NoResourceFoundException e) {
        return responses.entity(request, ApiError.of(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "no resource at " + request.getMethod() + " " + request.getRequestURI()));
    }

    /** Nervoscan clients know one code for every malformed upload or body type. */
    static String nervoscanOr(HttpServletRequest request, String code) {
        return ApiSurface.of(request.getRequestURI()) == ApiSurface.NERVOSCAN ? "INVALID_CONTENT_TYPE" : code;
    }

    /**
     * The database is out of reach (down, restarting, no connection within the pool's timeout): 503 with
     * {@code Retry-After}, since the same request succeeds once it is back.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class, SQLTransientConnectionException.class})
    ResponseEntity<Object> databaseUnavailable(HttpServletRequest request, Exception e) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return responses.entity(request, DatabaseOutage.error());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(HttpServletRequest request, Exception e) {
        if (DatabaseOutage.isCauseOf(e)) {
            // Wrapped on its way up, for example by a use case or a JPA provider.
            return databaseUnavailable(request, e);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return responses.entity(request, ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "an unexpected error occurred; quote the request id when you report it"));
    }
}
