package io.rppg.adapter.web.security;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiSurface;
import io.rppg.adapter.web.error.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 in the caller's surface shape. */
class SurfaceSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ErrorResponses responses;

    SurfaceSecurityErrors(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof TenantSuspendedException) {
            responses.write(request, response, ApiError.of(HttpStatus.FORBIDDEN, "TENANT_SUSPENDED",
                    "this tenant is suspended; contact the platform's administrators"));
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        var surface = ApiSurface.of(request.getRequestURI());
        var message = switch (surface) {
            case V1 -> "Invalid or missing API key";
            case NERVOSCAN, V2 -> "the access token is missing, invalid or expired";
        };
        var code = surface == ApiSurface.V1 ? "UNAUTHORIZED" : "INVALID_TOKEN";
        responses.write(request, response, ApiError.of(HttpStatus.UNAUTHORIZED, code, message));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var code = ApiSurface.of(request.getRequestURI()) == ApiSurface.V2 ? "INSUFFICIENT_PERMISSIONS" : "FORBIDDEN";
        responses.write(request, response, ApiError.of(HttpStatus.FORBIDDEN, code,
                "your credentials do not allow this request"));
    }
}
