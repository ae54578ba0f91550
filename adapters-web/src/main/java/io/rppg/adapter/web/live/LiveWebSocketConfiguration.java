package io.rppg.adapter.web.live;

import io.rppg.adapter.web.Routes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The live WebSocket at {@code /ws}, {@code /v2/ws} and {@code /api/v2/ws}. Origins are not restricted: the
 * connection authenticates with a token the page must hold, never with a cookie another site could ride on.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(LiveProperties.class)
public class LiveWebSocketConfiguration implements WebSocketConfigurer {

    private final LiveWebSocketHandler handler;

    public LiveWebSocketConfiguration(LiveWebSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, Routes.LIVE_WEBSOCKETS.toArray(String[]::new)).setAllowedOriginPatterns("*");
    }

    /**
     * The container's own limits: a message beyond four times the protocol's limit is not even buffered (closed
     * 1009); up to it, the handler answers with an error message. Idle connections are closed.
     */
    @Bean
    LiveContainerLimits liveContainerLimits(LiveProperties limits) {
        return new LiveContainerLimits(limits);
    }
}
