package io.rppg.application.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A stored video where it lies, for the signal engine to read: a file on this node, or bytes kept elsewhere (an
 * object store) that are read range by range where the decoder asks, so that a worker never copies a whole video
 * before it starts decoding.
 */
public sealed interface VideoSource {

    /** The video's name (its session and container, e.g. {@code sess_..._x.mp4}), for logs. */
    String name();

    /** The video's length in bytes. */
    long size() throws IOException;

    /** The bytes from {@code position} to the end, as a stream the caller closes; empty at or past the end. */
    InputStream openAt(long position) throws IOException;

    /** A file on this node's disk. */
    record LocalFile(Path path) implements VideoSource {

        public LocalFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            var name = path.getFileName();
            return name == null ? path.toString() : name.toString();
        }

        @Override
        public long size() throws IOException {
            return Files.size(path);
        }

        @Override
        public InputStream openAt(long position) throws IOException {
            var in = Files.newInputStream(path);
            in.skipNBytes(Math.min(position, Files.size(path)));
            return in;
        }
    }

    /** Bytes elsewhere, read from any position on demand; nothing is copied to this node beforehand. */
    record Remote(String name, long size, Ranges ranges) implements VideoSource {

        public Remote {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ranges, "ranges");
            if (size < 0) {
                throw new IllegalArgumentException("a video's size is not negative: " + size);
            }
        }

        @Override
        public InputStream openAt(long position) throws IOException {
            if (position < 0) {
                throw new IllegalArgumentException("no position before the start: " + position);
            }
            return position >= size ? InputStream.nullInputStream() : ranges.from(position);
        }

        /** Opens the bytes from a position before the end to the end (one ranged read of an object store). */
        @FunctionalInterface
        public interface Ranges {
            InputStream from(long position) throws IOException;
        }
    }
}
