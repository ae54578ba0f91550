package io.rppg.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written byte by byte on a socket, for what an HTTP client library refuses to send: control characters in
 * a header, a malformed percent sign in a path, a request line or header of any length. One request per connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer as it came over the wire; header names are lower-cased. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    /**
     * Sends {@code method target} with the given header lines (each "Name: value", sent as ISO-8859-1 bytes) and
     * body, and reads the whole answer.
     */
    public static Answer exchange(int port, String method, String target, List<String> headerLines, byte[] body) {
        var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        for (var line : headerLines) {
            head.append(line).append("\r\n");
        }
        var lengthGiven = headerLines.stream()
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"));
        if (body.length > 0 && !lengthGiven) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            var request = new ByteArrayOutputStream();
            request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(body);
            try {
                socket.getOutputStream().write(request.toByteArray());
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                // The server may answer and close before it has read all of a request it refuses.
            }
            return parse(readAll(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer get(int port, String target, String... headerLines) {
        return exchange(port, "GET", target, List.of(headerLines), new byte[0]);
    }

    private static byte[] readAll(Socket socket) throws IOException {
        var in = socket.getInputStream();
        var bytes = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // The server may close the connection before reading all of a refused request: keep what it said.
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        var text = new String(raw, StandardCharsets.ISO_8859_1);
        // Interim answers (100 Continue) come before the real one.
        while (text.startsWith("HTTP/1.1 1") && text.contains("\r\n\r\n")) {
            int end = text.indexOf("\r\n\r\n") + 4;
            text = text.substring(end);
            raw = java.util.Arrays.copyOfRange(raw, end, raw.length);
        }
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new AssertionError("no complete HTTP answer: " + text);
        }
        var lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, List<String>>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            var name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        var bodyBytes = new byte[raw.length - split - 4];
        System.arraycopy(raw, split + 4, bodyBytes, 0, bodyBytes.length);
        var chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
        var body = chunked ? dechunk(bodyBytes) : bodyBytes;
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            var sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
