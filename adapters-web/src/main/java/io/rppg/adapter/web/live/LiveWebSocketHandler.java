package io.rppg.adapter.web.live;

import io.rppg.adapter.web.security.BearerCredentials;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.LiveStreamUseCase.Feeding;
import io.rppg.application.port.in.LiveStreamUseCase.Subscribing;
import io.rppg.domain.live.LiveInput;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live protocol on {@code /ws}: authenticate ({@code ?token=} or a first {@code auth} message), subscribe to a
 * session's {@code vitals}, feed a stream with {@code trace} messages or with binary pieces of a recording (media), and receive {@code vitals}, {@code status},
 * {@code completed} and {@code failed} messages. Every refusal is an {@code error} message with a code; those that
 * end the connection close it with a 44xx code that repeats the HTTP status (4400, 4401, 4403, 4429).
 *
 * <p>A connection that breaks the protocol while it feeds a stream (malformed or oversized messages, a flood, samples
 * faster than real time) fails that stream's scan with the reason. One that merely drops leaves its stream running:
 * it may reconnect and go on feeding until the stream's idle timeout ends it with what it has.
 */
@Component
public class LiveWebSocketHandler extends AbstractWebSocketHandler {

    static final CloseStatus BAD_MESSAGE = new CloseStatus(4400, "INVALID_MESSAGE");
    static final CloseStatus INVALID_TOKEN = new CloseStatus(4401, "INVALID_TOKEN");
    static final CloseStatus FORBIDDEN = new CloseStatus(4403, "INSUFFICIENT_PERMISSIONS");
    static final CloseStatus TOO_MANY = new CloseStatus(4429, "RATE_LIMIT_EXCEEDED");

    private static final Logger LOG = LoggerFactory.getLogger(LiveWebSocketHandler.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String TOPIC = "vitals";

    private final BearerCredentials credentials;
    private final LiveStreamUseCase streams;
    private final LiveProperties limits;
    private final ConcurrentMap<String, LiveConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<SessionOwner, AtomicInteger> perOwner = new ConcurrentHashMap<>();

    public LiveWebSocketHandler(BearerCredentials credentials, LiveStreamUseCase streams, LiveProperties limits) {
        this.credentials = credentials;
        this.streams = streams;
        this.limits = limits;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        var connection = new LiveConnection(socket, Instant.now());
        connections.put(socket.getId(), connection);
        var token = socket.getUri() == null ? null
                : UriComponentsBuilder.fromUri(socket.getUri()).build().getQueryParams().getFirst("token");
        if (token != null) {
            authenticate(connection, java.net.URLDecoder.decode(token, StandardCharsets.UTF_8));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        var connection = connections.get(socket.getId());
        if (connection == null || !admitted(connection)) {
            return;
        }
        if (message.getPayloadLength() > limits.maxMessageBytes()) {
            breakOff(connection, "MESSAGE_TOO_LARGE", "A message may hold at most " + limits.maxMessageBytes()
                    + " bytes", BAD_MESSAGE);
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(message.getPayload());
        } catch (JacksonException e) {
            breakOff(connection, "INVALID_MESSAGE", "A message must be a JSON object with a type", BAD_MESSAGE);
            return;
        }
        if (node == null || !node.isObject() || !node.path("type").isString()) {
            breakOff(connection, "INVALID_MESSAGE", "A message must be a JSON object with a type", BAD_MESSAGE);
            return;
        }
        var type = node.path("type").asString();
        if (type.equals("auth")) {
            if (connection.caller() == null) {
                authenticate(connection, node.path("token").isString() ? node.path("token").asString() : null);
            } else {
                connection.send(LiveJson.of(typed("authenticated")));
            }
            return;
        }
        if (connection.caller() == null) {
            refuseUnauthenticated(connection);
            return;
        }
        switch (type) {
            case "subscribe" -> subscribe(connection, node);
            case "unsubscribe" -> unsubscribe(connection, node);
            case "trace" -> trace(connection, node);
            case "ping" -> connection.send(LiveJson.of(typed("pong")));
            default -> connection.send(LiveJson.error("UNKNOWN_MESSAGE_TYPE",
                    "Unknown message type; use auth, subscribe, unsubscribe, trace or ping"));
        }
    }

    /**
     * A piece of the WebM or fragmented-MP4 recording that feeds the connection's stream: the stream this connection
     * already feeds, else the one session it subscribed to.
     */
    @Override
    protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
        var connection = connections.get(socket.getId());
        if (connection == null || !admitted(connection)) {
            return;
        }
        if (connection.caller() == null) {
            refuseUnauthenticated(connection);
            return;
        }
        if (message.getPayloadLength() > limits.maxMediaMessageBytes()) {
            breakOff(connection, "MESSAGE_TOO_LARGE", "A media piece may hold at most " + limits.maxMediaMessageBytes()
                    + " bytes", BAD_MESSAGE);
            return;
        }
        var session = connection.feeding() != null ? connection.feeding()
                : connection.subscriptions().size() == 1 ? connection.subscriptions().keySet().iterator().next() : null;
        if (session == null) {
            connection.send(LiveJson.error("STREAM_UNAVAILABLE",
                    "Subscribe to the stream's session before sending its media"));
            return;
        }
        var payload = message.getPayload();
        var piece = new byte[payload.remaining()];
        payload.get(piece);
        fed(connection, session, streams.feedMedia(tenantOf(connection.caller()), session, piece));
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        LOG.debug("Live connection {} failed: {}", socket.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        var connection = connections.remove(socket.getId());
        if (connection == null) {
            return;
        }
        connection.cancelSubscriptions();
        var caller = connection.caller();
        if (caller != null) {
            perOwner.computeIfPresent(caller.owner(), (owner, count) -> count.decrementAndGet() <= 0 ? null : count);
            if (status.getCode() == CloseStatus.TOO_BIG_TO_PROCESS.getCode() && connection.feeding() != null) {
                streams.abort(tenantOf(caller), connection.feeding(), "The stream sent a message too large to take");
            }
        }
    }

    /** Closes connections that did not authenticate in time. Called about once a second. */
    public void closeUnauthenticated(Instant now) {
        for (var connection : connections.values()) {
            if (connection.caller() == null && connection.openedAt().plus(limits.authTimeout()).isBefore(now)) {
                connection.send(LiveJson.error("INVALID_TOKEN", "No authentication within "
                        + limits.authTimeout().toSeconds() + " s"));
                connection.close(INVALID_TOKEN);
            }
        }
    }

    private boolean admitted(LiveConnection connection) {
        if (connection.allowMessage(System.currentTimeMillis(), limits.maxMessagesPerSecond())) {
            return true;
        }
        breakOff(connection, "RATE_LIMIT_EXCEEDED", "More than " + limits.maxMessagesPerSecond()
                + " messages a second", TOO_MANY);
        return false;
    }

    private void authenticate(LiveConnection connection, String token) {
        var caller = credentials.authenticate(token).orElse(null);
        if (caller == null) {
            connection.send(LiveJson.error("INVALID_TOKEN", "The token is missing, invalid, expired or revoked"));
            connection.close(INVALID_TOKEN);
            return;
        }
        if (caller.scanTenant().isEmpty()) {
            connection.send(LiveJson.error("INSUFFICIENT_PERMISSIONS",
                    "Live scans belong to tenants; platform admins have none"));
            connection.close(FORBIDDEN);
            return;
        }
        var count = perOwner.computeIfAbsent(caller.owner(), owner -> new AtomicInteger());
        if (count.incrementAndGet() > limits.connectionsPerUser()) {
            count.decrementAndGet();
            connection.send(LiveJson.error("RATE_LIMIT_EXCEEDED", "At most " + limits.connectionsPerUser()
                    + " live connections per user or API key"));
            connection.close(TOO_MANY);
            return;
        }
        connection.authenticated(caller);
        connection.send(LiveJson.of(typed("authenticated")));
    }

    private void refuseUnauthenticated(LiveConnection connection) {
        connection.send(LiveJson.error("INVALID_TOKEN", "Authenticate first: {\"type\":\"auth\",\"token\":...}"));
        connection.close(INVALID_TOKEN);
    }

    private void subscribe(LiveConnection connection, JsonNode node) {
        var topic = node.path("topic");
        if (!topic.isMissingNode() && !topic.isNull() && !TOPIC.equals(topic.asString(""))) {
            connection.send(LiveJson.error("INVALID_TOPIC", "The only topic is \"vitals\""));
            return;
        }
        var session = sessionNamed(node);
        if (session == null) {
            connection.send(LiveJson.error("SESSION_NOT_FOUND", "No such session"));
            return;
        }
        if (connection.subscriptions().containsKey(session)) {
            connection.send(LiveJson.of(subscribed(session)));
            return;
        }
        switch (streams.subscribe(tenantOf(connection.caller()), session, listenerFor(connection))) {
            case Subscribing.Subscribed(var subscription) -> {
                var earlier = connection.subscriptions().put(session, subscription);
                if (earlier != null) {
                    earlier.cancel();
                }
                connection.send(LiveJson.of(subscribed(session)));
            }
            case Subscribing.SessionNotFound() -> connection.send(LiveJson.error("SESSION_NOT_FOUND",
                    "No session " + session.value() + " for this tenant"));
        }
    }

    private void unsubscribe(LiveConnection connection, JsonNode node) {
        var session = sessionNamed(node);
        var subscription = session == null ? null : connection.subscriptions().remove(session);
        if (subscription == null) {
            connection.send(LiveJson.error("NOT_SUBSCRIBED", "This connection is not subscribed to that session"));
            return;
        }
        subscription.cancel();
        var body = typed("unsubscribed");
        body.put("session_id", session.value());
        connection.send(LiveJson.of(body));
    }

    private void trace(LiveConnection connection, JsonNode node) {
        var named = sessionNamed(node);
        var session = named != null ? named : connection.feeding() != null ? connection.feeding()
                : connection.subscriptions().size() == 1 ? connection.subscriptions().keySet().iterator().next() : null;
        if (session == null) {
            connection.send(LiveJson.error("STREAM_UNAVAILABLE",
                    "Name the stream's session_id in the trace message, or subscribe to it first"));
            return;
        }
        var tenant = tenantOf(connection.caller());
        List<TraceSample> samples;
        try {
            samples = samplesOf(node.path("samples"));
        } catch (IllegalArgumentException e) {
            streams.abort(tenant, session, "The stream sent a malformed trace message: " + e.getMessage());
            breakOff(connection, "INVALID_MESSAGE", e.getMessage(), BAD_MESSAGE);
            return;
        }
        // The feeding connection hears its own stream's results without subscribing; a session it may not see is
        // refused by the feed below, without a second error.
        if (!connection.subscriptions().containsKey(session)
                && streams.subscribe(tenant, session, listenerFor(connection))
                instanceof Subscribing.Subscribed(var subscription)) {
            connection.subscriptions().put(session, subscription);
            connection.send(LiveJson.of(subscribed(session)));
        }
        fed(connection, session, streams.feed(tenant, session, samples));
    }

    /** Answers what became of a connection's input to {@code session}. */
    private void fed(LiveConnection connection, ScanSessionId session, Feeding feeding) {
        switch (feeding) {
            case Feeding.Accepted() -> connection.feeds(session);
            case Feeding.Ended() -> connection.feeds(null);
            case Feeding.TooFast() -> {
                connection.feeds(null);
                connection.send(LiveJson.error("RATE_LIMIT_EXCEEDED",
                        "Input arrived faster than real time; the stream was ended"));
                connection.close(TOO_MANY);
            }
            case Feeding.NotStreaming() -> connection.send(LiveJson.error("STREAM_UNAVAILABLE",
                    "No stream is running for session " + session.value() + "; start streaming first"));
            case Feeding.WrongInput(var takes) -> connection.send(LiveJson.error("UNSUPPORTED_INPUT",
                    takes == LiveInput.MEDIA
                            ? "This stream takes media: binary pieces of one WebM or MP4 recording"
                            : "This stream takes trace input: {\"type\":\"trace\",\"samples\":[[t_ms,r,g,b],...]}"));
        }
    }

    /** Ends a connection that broke the protocol, failing the stream it fed with the same reason. */
    private void breakOff(LiveConnection connection, String code, String message, CloseStatus status) {
        var caller = connection.caller();
        if (caller != null && connection.feeding() != null) {
            streams.abort(tenantOf(caller), connection.feeding(), "The stream was ended: " + message);
        }
        connection.send(LiveJson.error(code, message));
        connection.close(status);
    }

    private List<TraceSample> samplesOf(JsonNode samples) {
        if (!samples.isArray() || samples.isEmpty()) {
            throw new IllegalArgumentException("samples must be a non-empty array of [t_ms, r, g, b]");
        }
        if (samples.size() > limits.maxSamplesPerMessage()) {
            throw new IllegalArgumentException("at most " + limits.maxSamplesPerMessage() + " samples per message");
        }
        var parsed = new ArrayList<TraceSample>(samples.size());
        for (var sample : samples) {
            if (!sample.isArray() || sample.size() != 4) {
                throw new IllegalArgumentException("each sample must be [t_ms, r, g, b]");
            }
            for (var value : sample) {
                if (!value.isNumber()) {
                    throw new IllegalArgumentException("each sample must be four numbers [t_ms, r, g, b]");
                }
            }
            parsed.add(new TraceSample(sample.get(0).asDouble(), sample.get(1).asDouble(), sample.get(2).asDouble(),
                    sample.get(3).asDouble()));
        }
        return parsed;
    }

    /** The session a message names as {@code session_id} or {@code sessionId}; null when it names none validly. */
    private static ScanSessionId sessionNamed(JsonNode node) {
        var id = node.path("session_id");
        if (!id.isString()) {
            id = node.path("sessionId");
        }
        return id.isString() && ScanSessionId.isWellFormed(id.asString()) ? new ScanSessionId(id.asString()) : null;
    }

    private static LiveStreamUseCase.LiveListener listenerFor(LiveConnection connection) {
        return message -> connection.send(LiveJson.message(message, Instant.now()));
    }

    private static TenantId tenantOf(Caller caller) {
        return caller.scanTenant().orElseThrow();
    }

    private static LinkedHashMap<String, Object> typed(String type) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        return body;
    }

    private static LinkedHashMap<String, Object> subscribed(ScanSessionId session) {
        var body = typed("subscribed");
        body.put("topic", TOPIC);
        body.put("session_id", session.value());
        return body;
    }
}
