package io.rppg.adapter.signal.video;

import io.rppg.application.port.out.VideoStoragePort.VideoSource;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A remote video as the seekable stream JavaCV hands FFmpeg: FFmpeg seeks by {@link #reset} (back to the start,
 * where the grabber sets its mark) and {@link #skip}, both of which only move a position. Reading opens one ranged
 * read from that position and keeps following it; a seek opens another only when it jumps back or further ahead
 * than a short read-through, as an MP4 whose index sits at its end asks twice. Memory: one read buffer; disk: none.
 */
final class RangedVideoStream extends InputStream {

    /** A forward jump up to this far reads through the open range rather than paying for a new request. */
    static final long READ_THROUGH = 256 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final VideoSource.Remote video;
    private long position;
    private long mark;
    private InputStream range;
    /** Where the next byte of {@link #range} lies in the video. */
    private long rangeAt;
    private int rangesOpened;
    private IOException failure;

    RangedVideoStream(VideoSource.Remote video) {
        this.video = video;
    }

    @Override
    public int read() throws IOException {
        var one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return readRange(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            // JavaCV prints the error and FFmpeg takes it for the end of the file: kept, for the reader to tell.
            if (failure == null) {
                failure = e instanceof IOException io ? io : new IOException(e);
            }
            closeRange();
            throw e;
        }
    }

    private int readRange(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= video.size()) {
            return -1;
        }
        follow();
        int read = range.read(buffer, offset, (int) Math.min(length, video.size() - position));
        if (read < 0) {
            throw new EOFException(video.name() + " ended at byte " + position + " of " + video.size());
        }
        position += read;
        rangeAt += read;
        return read;
    }

    /** Makes the open range's next byte the one at {@link #position}. */
    private void follow() throws IOException {
        if (range != null && position >= rangeAt && position - rangeAt <= READ_THROUGH) {
            range.skipNBytes(position - rangeAt);
            rangeAt = position;
            return;
        }
        closeRange();
        range = new BufferedInputStream(video.openAt(position), BUFFER);
        rangeAt = position;
        rangesOpened++;
    }

    /** Moves ahead by up to {@code n} bytes, never past the end, without reading: JavaCV seeks this way. */
    @Override
    public long skip(long n) {
        long step = Math.max(0, Math.min(n, video.size() - position));
        position += step;
        return step;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        mark = position;
    }

    @Override
    public void reset() {
        position = mark;
    }

    @Override
    public void close() {
        closeRange();
    }

    VideoSource.Remote video() {
        return video;
    }

    /** The first read that failed, or null: the video was read as far as FFmpeg asked. */
    IOException failure() {
        return failure;
    }

    /** How many ranged reads were opened so far. */
    int rangesOpened() {
        return rangesOpened;
    }

    private void closeRange() {
        if (range != null) {
            try {
                range.close();
            } catch (IOException ignored) {
                // a range given up on; the next one is a request of its own
            }
            range = null;
        }
    }
}
