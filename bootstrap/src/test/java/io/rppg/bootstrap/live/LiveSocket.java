package io.rppg.bootstrap.live;

import io.rppg.bootstrap.JsonClient;
import io.rppg.domain.live.TraceSample;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A real WebSocket client (the JDK's) that keeps every message it receives and how the server closed it. */
final class LiveSocket implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Map<JsonNode, Long> arrivals = new java.util.IdentityHashMap<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static LiveSocket connect(int port, String pathAndQuery) {
        var client = new LiveSocket();
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + pathAndQuery), client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            var node = JsonClient.JSON.readTree(partial.toString());
            partial.setLength(0);
            synchronized (arrivals) {
                arrivals.put(node, System.nanoTime());
            }
            received.add(node);
            incoming.add(node);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(-1);
    }

    void send(Map<String, Object> message) {
        sendText(JsonClient.JSON.writeValueAsString(message));
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * Sends the message unless the server has closed the connection, even while this send was on its way;
     * false when it had.
     */
    boolean sendUnlessClosed(Map<String, Object> message) {
        if (isClosed()) {
            return false;
        }
        try {
            send(message);
            return true;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.IOException && socket.isOutputClosed()) {
                return false;
            }
            throw e;
        }
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void trace(String sessionId, List<TraceSample> samples) {
        var rows = samples.stream().map(s -> "[" + s.millis() + "," + s.red() + "," + s.green() + "," + s.blue() + "]")
                .collect(Collectors.joining(","));
        sendText("{\"type\":\"trace\",\"session_id\":\"" + sessionId + "\",\"samples\":[" + rows + "]}");
    }

    /**
     * Sends the samples at the pace they were taken (each batch once its last sample's time has passed), a quarter
     * of a second at a time, as an SDK on a phone does; returns when all are sent.
     */
    void traceInRealTime(String sessionId, List<TraceSample> samples) throws InterruptedException {
        long start = System.nanoTime();
        int next = 0;
        while (next < samples.size()) {
            Thread.sleep(250);
            double elapsedMs = (System.nanoTime() - start) / 1e6;
            int to = next;
            while (to < samples.size() && samples.get(to).millis() <= elapsedMs) {
                to++;
            }
            if (to > next) {
                trace(sessionId, new ArrayList<>(samples.subList(next, to)));
                next = to;
            }
        }
    }

    /** The next message of this type, waiting up to {@code timeout}; fails when none comes. */
    JsonNode await(String type, Duration timeout) throws InterruptedException {
        return await(node -> type.equals(node.path("type").asString()), timeout, type);
    }

    JsonNode await(Predicate<JsonNode> wanted, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            var node = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
            if (node == null) {
                throw new AssertionError("no " + what + " message within " + timeout + "; received " + received);
            }
            if (wanted.test(node)) {
                return node;
            }
        }
    }

    /** When a received message arrived, by {@link System#nanoTime()}. */
    long arrivalOf(JsonNode message) {
        synchronized (arrivals) {
            return arrivals.get(message);
        }
    }

    List<JsonNode> received(String type) {
        return received.stream().filter(node -> type.equals(node.path("type").asString())).toList();
    }

    /** The close code the server sent, waiting up to 10 s for it. */
    int closeCode() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    /** Drops the connection without a closing handshake, as a lost network does. */
    void drop() {
        socket.abort();
    }
}
