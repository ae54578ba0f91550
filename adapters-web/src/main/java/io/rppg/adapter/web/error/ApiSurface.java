package io.rppg.adapter.web.error;

import io.rppg.adapter.web.Routes;

/**
 * The three API surfaces. They serve the same use cases but each has its own error shape, told apart by path.
 */
public enum ApiSurface {
    /** The rPPG v1 API and the admin API: {@code application/problem+json} with {@code detail} and {@code code}. */
    V1,
    /** Nervoscan-compatible: {@code {success: false, error: {code, message}}}. */
    NERVOSCAN,
    /** The v2 platform API and GraphQL's HTTP refusals: {@code {error: {code, message, details, request_id, timestamp}}}. */
    V2;

    public static ApiSurface of(String path) {
        if (path == null) {
            return V1;
        }
        var trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (Routes.isNervoscan(trimmed)) {
            return NERVOSCAN;
        }
        if (Routes.isV2(trimmed) || Routes.isGraphQl(trimmed)) {
            return V2;
        }
        return V1;
    }
}
