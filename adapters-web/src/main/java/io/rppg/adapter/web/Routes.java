package io.rppg.adapter.web;

import java.util.List;
import java.util.Set;

/**
 * The routes that more than the controller serving them must know: the Nervoscan-compatible paths (their own error
 * shape and OpenAPI group) and the logins (open to everyone, limited per client address). Controllers map these
 * constants, and security, rate limiting, error surfaces and the OpenAPI document read them from here.
 */
public final class Routes {

    public static final String NERVOSCAN_LOGIN = "/clientlogin";
    public static final String NERVOSCAN_REFRESH = "/refresh";
    public static final String NERVOSCAN_GET_URL = "/clientgeturl";
    public static final String NERVOSCAN_SUBMIT = "/submitscan";
    public static final String NERVOSCAN_CHECK = "/check";
    public static final String NERVOSCAN_CUSTOMER_INFO = "/getcustomerinfo";

    public static final String V2_LOGIN = "/v2/auth/login";
    public static final String API_V2_LOGIN = "/api/v2/auth/login";
    public static final String V2_REFRESH = "/v2/auth/refresh";
    public static final String API_V2_REFRESH = "/api/v2/auth/refresh";

    /**
     * The live scans' WebSocket, at the document's {@code /ws} and under the v2 prefixes. Its handshake takes no
     * bearer header (browsers cannot set one): the connection authenticates inside the protocol.
     */
    public static final Set<String> LIVE_WEBSOCKETS = Set.of("/ws", "/v2/ws", "/api/v2/ws");

    /**
     * The GraphQL API, part of the v2 platform: refusals before an operation runs (401, 429) have the v2 shape. Its
     * subscriptions' WebSocket authenticates inside the protocol ({@code connection_init}), as the live one does.
     */
    public static final String GRAPHQL = "/graphql";
    public static final String GRAPHQL_WEBSOCKET = "/graphql/ws";

    /** The v2 surface lives under both prefixes. */
    public static final List<String> V2_PREFIXES = List.of("/v2", "/api/v2");

    /** Every path of the Nervoscan-compatible surface. */
    public static final List<String> NERVOSCAN = List.of(NERVOSCAN_LOGIN, NERVOSCAN_REFRESH, NERVOSCAN_GET_URL,
            NERVOSCAN_SUBMIT, NERVOSCAN_CHECK, NERVOSCAN_CUSTOMER_INFO);

    /**
     * The endpoints that exchange a password or a refresh token for tokens: they take no bearer credential (the
     * Nervoscan refresh reads its refresh token itself) and are limited per client address.
     */
    public static final Set<String> LOGINS = Set.of(NERVOSCAN_LOGIN, NERVOSCAN_REFRESH,
            V2_LOGIN, API_V2_LOGIN, V2_REFRESH, API_V2_REFRESH);

    private Routes() {
    }

    public static boolean isNervoscan(String path) {
        return NERVOSCAN.contains(path);
    }

    public static boolean isGraphQl(String path) {
        return path.equals(GRAPHQL) || path.startsWith(GRAPHQL + "/");
    }

    public static boolean isV2(String path) {
        return V2_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
