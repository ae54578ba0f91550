package io.rppg.application.pipeline;

import io.rppg.application.port.out.VideoStoragePort.VideoSource;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.port.out.VideoStoragePort.StoreResult;
import io.rppg.application.port.out.VideoStoragePort.StoredVideo;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.VideoSignature;
import io.rppg.domain.tenant.TenantId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Videos as byte arrays under made-up paths, with the adapter's rules: the limit plus one byte, sniffed format, each
 * upload under a name of its own until it is accepted as the session's video.
 */
public final class InMemoryVideoStorage implements VideoStoragePort {

    private final Map<Path, byte[]> files = new HashMap<>();
    private final Map<Path, Instant> storedAt = new HashMap<>();
    private final io.rppg.application.port.out.ClockPort clock;
    private int uploads;

    public InMemoryVideoStorage(io.rppg.application.port.out.ClockPort clock) {
        this.clock = clock;
    }

    @Override
    public StoreResult store(TenantId tenant, ScanSessionId session, InputStream content, long maxBytes) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            return new StoreResult.TooLarge(maxBytes);
        }
        var format = VideoSignature.sniff(bytes);
        if (format.isEmpty()) {
            return new StoreResult.UnsupportedFormat("not a video");
        }
        var path = Path.of("memory", tenant.toString(),
                session.value() + ".upload-" + (++uploads) + "." + format.get().extension());
        files.put(path, bytes);
        storedAt.put(path, clock.now());
        return new StoreResult.Stored(path, bytes.length, format.get());
    }

    @Override
    public void accept(TenantId tenant, ScanSessionId session, StoreResult.Stored upload) {
        if (!belongsAsUpload(upload.path(), tenant, session) || !files.containsKey(upload.path())) {
            throw new IllegalArgumentException(upload.path() + " is no stored upload of " + session);
        }
        var video = Path.of("memory", tenant.toString(), session.value() + "." + upload.format().extension());
        files.put(video, files.remove(upload.path()));
        storedAt.put(video, storedAt.remove(upload.path()));
    }

    @Override
    public void discard(StoreResult.Stored upload) {
        discardPath(upload.path());
    }

    @Override
    public Optional<VideoSource> find(TenantId tenant, ScanSessionId session) {
        return files.keySet().stream().filter(p -> isVideoOf(p, tenant, session)).findFirst().map(path -> {
            var bytes = files.get(path);
            return new VideoSource.Remote(path.getFileName().toString(), bytes.length,
                    position -> new java.io.ByteArrayInputStream(bytes, (int) position, bytes.length - (int) position));
        });
    }

    @Override
    public boolean delete(TenantId tenant, ScanSessionId session) {
        return files.keySet().removeIf(p -> isVideoOf(p, tenant, session));
    }

    @Override
    public List<StoredVideo> storedVideos() {
        return files.keySet().stream().filter(p -> !isUpload(p)).map(p -> new StoredVideo(
                        io.rppg.domain.tenant.TenantId.of(p.getParent().getFileName().toString()),
                        new ScanSessionId(p.getFileName().toString().substring(0, p.getFileName().toString().indexOf('.'))),
                        storedAt.get(p)))
                .toList();
    }

    /** Partial uploads never exist in memory (a refused or broken upload is never put in the map); others do. */
    @Override
    public int deleteUnacceptedUploadsOlderThan(Instant before) {
        var old = files.keySet().stream().filter(p -> isUpload(p) && storedAt.get(p).isBefore(before)).toList();
        old.forEach(this::discardPath);
        return old.size();
    }

    private void discardPath(Path path) {
        files.remove(path);
        storedAt.remove(path);
    }

    public byte[] bytes(Path path) {
        return files.get(path);
    }

    public byte[] bytes(VideoSource video) {
        try (var in = video.openAt(0)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file held, accepted or not. */
    public int count() {
        return files.size();
    }

    /** Puts a video in place directly, for a test that starts from a processing session. */
    public Path put(TenantId tenant, ScanSessionId session, byte[] bytes) {
        var path = Path.of("memory", tenant.toString(), session.value() + ".mp4");
        files.put(path, Arrays.copyOf(bytes, bytes.length));
        storedAt.put(path, clock.now());
        return path;
    }

    private static boolean isVideoOf(Path path, TenantId tenant, ScanSessionId session) {
        return !isUpload(path) && path.getParent().getFileName().toString().equals(tenant.toString())
                && path.getFileName().toString().startsWith(session.value() + ".");
    }

    private static boolean belongsAsUpload(Path path, TenantId tenant, ScanSessionId session) {
        return path.getParent().getFileName().toString().equals(tenant.toString())
                && path.getFileName().toString().startsWith(session.value() + ".upload-");
    }

    private static boolean isUpload(Path path) {
        return path.getFileName().toString().contains(".upload-");
    }

    /** A stream that remembers how much was read from it. */
    public static class CountingStream extends InputStream {
        private final InputStream in;
        private long read;

        public CountingStream(byte[] bytes) {
            this.in = new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                read += n;
            }
            return n;
        }

        public long bytesRead() {
            return read;
        }
    }
}
