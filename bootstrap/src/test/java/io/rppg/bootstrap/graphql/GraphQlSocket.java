package io.rppg.bootstrap.graphql;

import io.rppg.bootstrap.JsonClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A plain client of the {@code graphql-transport-ws} protocol on the JDK's WebSocket: it keeps what it receives. */
final class GraphQlSocket implements WebSocket.Listener, AutoCloseable {

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static GraphQlSocket connect(int port) {
        var client = new GraphQlSocket();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql/ws"), client).join();
        return client;
    }

    /** connection_init with the credential, then waits for connection_ack. */
    void initialise(String bearer) throws InterruptedException {
        send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + bearer)));
        await("connection_ack", null, Duration.ofSeconds(5));
    }

    void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    void send(Map<String, Object> message) {
        socket.sendText(JsonClient.JSON.writeValueAsString(message), true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            var node = JsonClient.JSON.readTree(partial.toString());
            partial.setLength(0);
            received.add(node);
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

    /** The first message of this type (and operation id, when given), waiting up to {@code timeout} for it. */
    JsonNode await(String type, String id, Duration timeout) throws InterruptedException {
        return awaitCount(type, id, 1, timeout).getFirst();
    }

    /** The messages of this type and operation id once there are at least {@code count}, waiting up to timeout. */
    List<JsonNode> awaitCount(String type, String id, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var matching = received.stream().filter(node -> type.equals(node.path("type").asString())
                    && (id == null || id.equals(node.path("id").asString()))).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + count + " " + type + " for " + id + " within " + timeout
                        + "; received " + received);
            }
            Thread.sleep(20);
        }
    }

    /** Every message received so far of this type and operation id. */
    List<JsonNode> received(String type, String id) {
        return received.stream().filter(node -> type.equals(node.path("type").asString())
                && id.equals(node.path("id").asString())).toList();
    }

    int closeCode() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
