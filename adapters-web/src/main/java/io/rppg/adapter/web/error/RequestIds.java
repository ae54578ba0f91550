package io.rppg.adapter.web.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, else a new one. It is echoed in the
 * response, written into error bodies and carried by every log line of the request ({@code request_id} in the MDC).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public static String of(HttpServletRequest request) {
        var id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : assign(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var id = assign(request);
        response.setHeader(HEADER, id);
        MDC.put("request_id", id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("request_id");
        }
    }

    /**
     * 128 random bits in hex. A request id correlates logs and answers and guards nothing, so it is drawn from the
     * thread's fast generator rather than from {@code UUID.randomUUID()}'s secure one, which every request paid for.
     */
    private static String newId() {
        var random = ThreadLocalRandom.current();
        return "req_" + HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    private static String assign(HttpServletRequest request) {
        var given = request.getHeader(HEADER);
        var id = given != null && SANE.matcher(given).matches() ? given : newId();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
