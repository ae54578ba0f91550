package io.rppg.adapter.web.live;

import io.rppg.application.port.in.LiveStreamUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second: ends streams that went idle or ran past their length, and closes connections that never
 * authenticated. Nothing live waits on a client to end it.
 */
@Component
class LiveTimers implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTimers.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-timers").daemon().factory());

    LiveTimers(LiveStreamUseCase streams, LiveWebSocketHandler handler) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                var now = Instant.now();
                handler.closeUnauthenticated(now);
                streams.sweep(now);
            } catch (RuntimeException e) {
                LOG.warn("The live sweep failed, trying again in 1 s: {}", e.toString());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
