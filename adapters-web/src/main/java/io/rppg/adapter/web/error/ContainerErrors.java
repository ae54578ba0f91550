package io.rppg.adapter.web.error;

import org.springframework.http.HttpStatus;

import java.util.Locale;

/**
 * Errors that no controller answered: the server refused the request before the application saw it (a malformed
 * or overlong request line, header or path), or a status was sent without a body. Each gets a code and a plain
 * message; the server's own words, when it gave any, only choose between messages.
 */
final class ContainerErrors {

    private ContainerErrors() {
    }

    static ApiError of(int statusCode, String serverMessage) {
        var status = HttpStatus.resolve(statusCode);
        if (status == null) {
            status = statusCode >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        var said = serverMessage == null ? "" : serverMessage.toLowerCase(Locale.ROOT);
        return switch (status) {
            case BAD_REQUEST -> ApiError.of(status, "INVALID_REQUEST", badRequest(said));
            case UNAUTHORIZED -> ApiError.of(status, "UNAUTHORIZED", "credentials are missing or invalid");
            case FORBIDDEN -> ApiError.of(status, "FORBIDDEN", "your credentials do not allow this request");
            case NOT_FOUND -> ApiError.of(status, "NOT_FOUND", "no resource at this path");
            case METHOD_NOT_ALLOWED -> ApiError.of(status, "METHOD_NOT_ALLOWED", "this method is not supported here");
            case CONTENT_TOO_LARGE -> ApiError.of(status, "REQUEST_TOO_LARGE", "the request is too large");
            case URI_TOO_LONG -> ApiError.of(status, "INVALID_REQUEST", "the URL is too long");
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> ApiError.of(status, "INVALID_REQUEST",
                    "the request line and headers are too long");
            default -> status.is5xxServerError()
                    ? ApiError.of(status, status == HttpStatus.SERVICE_UNAVAILABLE ? "SERVICE_UNAVAILABLE"
                    : "INTERNAL_ERROR", "an unexpected error occurred; quote the request id when you report it")
                    : ApiError.of(status, status.name(), status.getReasonPhrase().toLowerCase(Locale.ROOT));
        };
    }

    private static String badRequest(String said) {
        if (said.contains("header") && (said.contains("large") || said.contains("long"))) {
            return "the request line and headers are too long: together they may hold at most 8 KB";
        }
        if (said.contains("uri") || said.contains("url") || said.contains("path")) {
            return "the URL is not accepted: it holds an encoded slash or null character, an invalid percent "
                    + "sign, or characters not allowed in a URL";
        }
        return "the request cannot be read: its request line, path or headers are malformed or too long "
                + "(the request line and headers may hold at most 8 KB together)";
    }
}
