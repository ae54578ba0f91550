package io.rppg.adapter.web.openapi;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.api.OpenApiResourceNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An OpenAPI group that does not exist ({@code /v3/api-docs/nosuch}) is a missing resource, not a failure. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenApiErrors {

    private final ErrorResponses responses;

    OpenApiErrors(ErrorResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(OpenApiResourceNotFoundException.class)
    ResponseEntity<Object> noSuchGroup(HttpServletRequest request, OpenApiResourceNotFoundException e) {
        return responses.entity(request, ApiError.of(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "no OpenAPI group of that name; the groups are v1, nervoscan, v2 and admin"));
    }
}
