package io.rppg.adapter.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Locale;

/**
 * Requests Spring Security's firewall refuses (an encoded slash or percent sign, a dot segment, a double slash, a
 * semicolon, a header value with control characters, a method no route knows), answered in the caller's surface
 * shape with a plain message instead of the firewall's words. Spring Security uses this handler because it is a bean.
 */
@Component
public class RejectedRequests implements RequestRejectedHandler {

    private final ErrorResponses responses;

    RejectedRequests(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        responses.write(request, response, error(rejected));
    }

    static ApiError error(RequestRejectedException rejected) {
        var reason = String.valueOf(rejected.getMessage()).toLowerCase(Locale.ROOT);
        if (reason.contains("http method")) {
            return ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "this method is not supported here");
        }
        var message = reason.contains("header") ? "a header of the request holds characters that are not accepted"
                : reason.contains("parameter") ? "a parameter of the request holds characters that are not accepted"
                : "the URL is not accepted: it holds an encoded or repeated slash, an encoded percent sign or dot, "
                + "a dot segment, a semicolon or a character that is not allowed in a path";
        return ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message);
    }
}
