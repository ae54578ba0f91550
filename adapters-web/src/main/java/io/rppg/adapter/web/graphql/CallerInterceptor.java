package io.rppg.adapter.web.graphql;

import io.rppg.adapter.web.security.BearerCredentials;
import io.rppg.adapter.web.security.Caller;
import io.rppg.adapter.web.security.CallerAuthentication;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Puts the caller into every operation's context. Over HTTP the request was authenticated by Spring Security
 * (bearer access token or API key); over the WebSocket, whose handshake a browser cannot give a header, the
 * {@code connection_init} payload carries the credential as {@code {"Authorization": "Bearer ..."}} (or
 * {@code {"token": "..."}}), judged exactly as the header's; a connection without a valid one is closed (4401).
 */
final class CallerInterceptor implements WebSocketGraphQlInterceptor {

    private static final String SESSION_CALLER = "rppg.graphql.caller";

    private final BearerCredentials credentials;

    CallerInterceptor(BearerCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        var caller = credentials.authenticate(credentialOf(payload));
        if (caller.isEmpty()) {
            return Mono.error(new IllegalArgumentException("INVALID_TOKEN"));
        }
        session.getAttributes().put(SESSION_CALLER, caller.get());
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Caller caller = null;
        if (request instanceof WebSocketGraphQlRequest socket) {
            caller = (Caller) socket.getSessionInfo().getAttributes().get(SESSION_CALLER);
        } else if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth) {
            caller = auth.getPrincipal();
        }
        if (caller != null) {
            var known = caller;
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(GraphQlCaller.KEY, known)).build());
        }
        return chain.next(request);
    }

    private static String credentialOf(Map<String, Object> payload) {
        if (payload == null) {
            return null;
        }
        for (var key : new String[]{"Authorization", "authorization"}) {
            if (payload.get(key) instanceof String header && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return header.substring(7).strip();
            }
        }
        return payload.get("token") instanceof String token ? token : null;
    }
}
