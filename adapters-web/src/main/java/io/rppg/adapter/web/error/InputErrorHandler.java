package io.rppg.adapter.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * What is wrong with the input itself: a body that is not the expected JSON or holds text that cannot be stored, an
 * upload over one of its limits. Each answer names what to fix in plain words, never the parser's Java types.
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

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badUpload(HttpServletRequest request, MultipartException e) {
        return responses.entity(request, multipart.of(request, e));
    }
}
