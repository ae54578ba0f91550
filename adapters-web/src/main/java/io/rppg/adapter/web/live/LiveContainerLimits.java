package io.rppg.adapter.web.live;

import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.web.context.ServletContextAware;

/**
 * Sets the servlet container's WebSocket limits once its container exists. Unlike Spring's
 * {@code ServletServerContainerFactoryBean} it leaves a context without a WebSocket container alone (a mock servlet
 * environment in tests), where there is nothing to limit.
 */
class LiveContainerLimits implements ServletContextAware {

    private final LiveProperties limits;

    LiveContainerLimits(LiveProperties limits) {
        this.limits = limits;
    }

    @Override
    public void setServletContext(ServletContext servletContext) {
        if (servletContext.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
            container.setDefaultMaxTextMessageBufferSize(limits.maxMessageBytes() * 4);
            container.setDefaultMaxBinaryMessageBufferSize(limits.maxMediaMessageBytes() * 2);
            container.setDefaultMaxSessionIdleTimeout(limits.connectionIdleTimeout().toMillis());
        }
    }
}
