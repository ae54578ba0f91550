package io.rppg.adapter.web.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rppg.adapter.web.Routes;
import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiSurface;
import io.rppg.adapter.web.error.DatabaseOutage;
import io.rppg.adapter.web.error.DatabaseOutageFilter;
import io.rppg.adapter.web.error.ErrorResponses;
import io.rppg.adapter.web.metrics.MetricNames;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.CallerRequest;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.RequestAllowance;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Spends one request of the caller's allowance, after authentication: an authenticated request counts against its
 * credential (the tenant plan's requests per minute), a login or refresh against the client's address. Every
 * counted response carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}
 * (unix seconds when the window ends); a spent allowance is answered with 429, {@code Retry-After} and the
 * surface's error body.
 *
 * <p>Should the limiter fail the request goes through: an outage of the limiter must not become an outage of the
 * platform. The one exception is the database being out of reach: the request could not be served without it
 * either, so it is answered 503 at once ({@link DatabaseOutageFilter}) instead of waiting for the database a second
 * time.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final ConsumeRequestAllowanceUseCase allowances;
    private final ErrorResponses responses;
    private final MeterRegistry meters;

    RateLimitFilter(ConsumeRequestAllowanceUseCase allowances, ErrorResponses responses, MeterRegistry meters) {
        this.allowances = allowances;
        this.responses = responses;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var scope = scopeOf(request);
        if (scope == null) {
            chain.doFilter(request, response);
            return;
        }
        RequestAllowance allowance;
        try {
            allowance = scope.equals("credential")
                    ? allowances.consumeForCaller(callerRequest())
                    : allowances.consumeForLogin(request.getRemoteAddr());
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCauseOf(e)) {
                throw e;
            }
            log.warn("Rate limit not checked for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.toString());
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(LIMIT, Integer.toString(allowance.limit()));
        response.setHeader(RESET, Long.toString(allowance.resetAt().getEpochSecond()
                + (allowance.resetAt().getNano() > 0 ? 1 : 0)));
        switch (allowance) {
            case RequestAllowance.Allowed allowed -> {
                response.setHeader(REMAINING, Long.toString(allowed.remaining()));
                chain.doFilter(request, response);
            }
            case RequestAllowance.Limited limited -> {
                response.setHeader(REMAINING, "0");
                var surface = ApiSurface.of(request.getRequestURI());
                Counter.builder(MetricNames.RATE_LIMIT_REJECTIONS)
                        .description("Requests refused with 429 because a rate limit was reached")
                        .tag(MetricNames.SURFACE, surface.name().toLowerCase(Locale.ROOT))
                        .tag(MetricNames.SCOPE, scope)
                        .register(meters)
                        .increment();
                responses.write(request, response, exceeded(limited.retryAfter()));
            }
        }
    }

    static ApiError exceeded(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMIT_EXCEEDED",
                        "Rate limit exceeded. Try again in " + seconds + " seconds.")
                .withDetail("retry_after", seconds);
    }

    /** {@code credential}, {@code address}, or null when the request is not counted. */
    private static String scopeOf(HttpServletRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication) {
            return "credential";
        }
        if ("POST".equals(request.getMethod()) && Routes.LOGINS.contains(request.getRequestURI())) {
            return "address";
        }
        return null;
    }

    private static CallerRequest callerRequest() {
        var caller = ((CallerAuthentication) SecurityContextHolder.getContext().getAuthentication()).getPrincipal();
        var credential = caller.apiKey().map(key -> "api-key:" + key.value())
                .or(() -> caller.user().map(user -> "user:" + user.value()))
                .orElseThrow(() -> new IllegalStateException("a caller without a credential"));
        return new CallerRequest(caller.tenant(), credential);
    }
}
