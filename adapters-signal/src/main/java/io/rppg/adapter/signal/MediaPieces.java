package io.rppg.adapter.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * The bytes of a media stream between its connection and its decoder: pieces queue here as they arrive and FFmpeg
 * reads them, blocking while it waits for the next one. What waits is bounded: a piece that would take it past
 * {@code maxPendingBytes} waits for the decoder to catch up, and is refused if it does not in time.
 */
final class MediaPieces extends InputStream {

    private final long maxPendingBytes;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int headOffset;
    private long pending;
    private long received;
    private boolean ended;
    private boolean aborted;

    MediaPieces(long maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    /**
     * Queues a piece, waiting up to {@code waitMillis} for room.
     *
     * @return false when there was no room in time, or the stream has ended
     */
    synchronized boolean offer(byte[] piece, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (!aborted && !ended && pending > 0 && pending + piece.length > maxPendingBytes) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        if (aborted || ended) {
            return false;
        }
        if (piece.length > 0) {
            queue.addLast(piece);
            pending += piece.length;
            received += piece.length;
            notifyAll();
        }
        return true;
    }

    synchronized long pending() {
        return pending;
    }

    synchronized long received() {
        return received;
    }

    synchronized boolean isEnded() {
        return ended;
    }

    /** No more pieces will come: the decoder reads what is queued, then the end of the stream. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** Drops what is queued; the decoder's next read finds the end of the stream. */
    synchronized void abort() {
        aborted = true;
        queue.clear();
        pending = 0;
        notifyAll();
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            while (queue.isEmpty() && !ended && !aborted) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the media stream's decoder was stopped");
        }
        // An aborted stream reads as ended: the decoder stops without an error of its own to report.
        if (aborted || queue.isEmpty()) {
            return -1;
        }
        byte[] head = queue.peekFirst();
        int count = Math.min(length, head.length - headOffset);
        System.arraycopy(head, headOffset, into, offset, count);
        headOffset += count;
        if (headOffset == head.length) {
            queue.removeFirst();
            headOffset = 0;
        }
        pending -= count;
        notifyAll();
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() {
        abort();
    }
}
