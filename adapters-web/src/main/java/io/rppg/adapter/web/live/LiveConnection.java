package io.rppg.adapter.web.live;

import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.LiveStreamUseCase.Subscription;
import io.rppg.domain.session.ScanSessionId;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client's WebSocket: who it is once authenticated, what it subscribed to, the stream it feeds, and its share of
 * the message rate. Sends go through a decorator that bounds what waits for a slow client: one that does not read
 * for 5 s or lets 512 KB pile up is closed rather than allowed to hold memory.
 */
final class LiveConnection {

    private static final int SEND_TIME_LIMIT_MS = 5000;
    private static final int SEND_BUFFER_BYTES = 512 * 1024;

    private final WebSocketSession socket;
    private final Instant openedAt;
    private final Map<ScanSessionId, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Caller caller;
    private volatile ScanSessionId feeding;
    private long rateWindowStart;
    private int messagesInWindow;

    LiveConnection(WebSocketSession raw, Instant openedAt) {
        this.socket = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, SEND_BUFFER_BYTES);
        this.openedAt = openedAt;
    }

    Instant openedAt() {
        return openedAt;
    }

    Caller caller() {
        return caller;
    }

    void authenticated(Caller who) {
        this.caller = who;
    }

    ScanSessionId feeding() {
        return feeding;
    }

    void feeds(ScanSessionId session) {
        this.feeding = session;
    }

    Map<ScanSessionId, Subscription> subscriptions() {
        return subscriptions;
    }

    /** Counts a message; false when this second's allowance is spent. */
    synchronized boolean allowMessage(long nowMillis, int perSecond) {
        if (nowMillis - rateWindowStart >= 1000) {
            rateWindowStart = nowMillis;
            messagesInWindow = 0;
        }
        return ++messagesInWindow <= perSecond;
    }

    void send(String text) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(text));
        } catch (IOException | RuntimeException e) {
            // A client that cannot keep up is let go; its subscriptions end when the close is seen.
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            // Already closing.
        }
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    void cancelSubscriptions() {
        subscriptions.values().forEach(Subscription::cancel);
        subscriptions.clear();
    }
}
