package io.rppg.adapter.web.app;

import java.util.List;

/**
 * The scan page ({@code /app/}) and the JavaScript SDK ({@code /sdk/}): static files the platform serves from
 * {@code classpath:/static}. They take no credential themselves; what they call is protected as for any client.
 */
public final class ScanPage {

    public static final String PAGE = "/app/";
    public static final String SDK = "/sdk/";

    /** The paths of the page and the SDK, which are open and carry the page's Content-Security-Policy. */
    static final List<String> PREFIXES = List.of(PAGE, SDK);

    private ScanPage() {
    }

    /** Whether a request path is the page or the SDK (including {@code /app}, which redirects to {@code /app/}). */
    public static boolean isStatic(String path) {
        return path.equals("/app") || PREFIXES.stream().anyMatch(path::startsWith);
    }
}
