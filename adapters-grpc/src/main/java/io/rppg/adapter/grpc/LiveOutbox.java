package io.rppg.adapter.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.rppg.adapter.grpc.v1.VitalsWindow;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.domain.live.LiveMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The live messages on their way to one client. The live service tells a listener while it holds its stream's lock,
 * so nothing here waits for the client: a message goes out while the transport takes more, else it waits here, and
 * a client that leaves more than {@code maxWaiting} messages (or one for longer than {@code patience}) unread is
 * closed with RESOURCE_EXHAUSTED: one slow reader holds neither the stream nor the node's memory. The scan's end
 * is the last message; the call ends with it.
 */
final class LiveOutbox implements LiveStreamUseCase.LiveListener {

    private record Waiting(VitalsWindow message, long queuedAtNanos, boolean last) {
    }

    private final ServerCallStreamObserver<VitalsWindow> call;
    private final int maxWaiting;
    private final Duration patience;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private LiveStreamUseCase.Subscription subscription;
    private Runnable onCancel = () -> {
    };
    private boolean closed;

    LiveOutbox(ServerCallStreamObserver<VitalsWindow> call, int maxWaiting, Duration patience) {
        this.call = call;
        this.maxWaiting = maxWaiting;
        this.patience = patience;
        call.setOnReadyHandler(this::drain);
        call.setOnCancelHandler(this::cancelled);
    }

    /** What else to undo when the client cancels the call (e.g. fail the stream the call owns). */
    synchronized void onCancel(Runnable action) {
        this.onCancel = action;
    }

    /** The subscription that feeds this outbox: cancelled when the call ends, however it ends. */
    synchronized void feedsFrom(LiveStreamUseCase.Subscription subscription) {
        if (closed) {
            subscription.cancel();
        } else {
            this.subscription = subscription;
        }
    }

    @Override
    public void onMessage(LiveMessage message) {
        send(ScanMessages.live(message, Instant.now()), message instanceof LiveMessage.Ended);
    }

    /** Sends a message of this surface's own (not from the live service), e.g. the stream's start. */
    synchronized void send(VitalsWindow message, boolean last) {
        if (closed) {
            return;
        }
        waiting.add(new Waiting(message, System.nanoTime(), last));
        var oldestWait = Duration.ofNanos(System.nanoTime() - waiting.peekFirst().queuedAtNanos());
        if (waiting.size() > maxWaiting || oldestWait.compareTo(patience) > 0) {
            waiting.clear();
            fail(Refusals.of(Status.Code.RESOURCE_EXHAUSTED, "SLOW_CONSUMER", "The client did not read its live "
                    + "messages (" + maxWaiting + " waiting, or one for " + patience.toSeconds() + " s)"));
            return;
        }
        drain();
    }

    /** Ends the call with a refusal; later messages are dropped. */
    synchronized void fail(StatusRuntimeException refusal) {
        if (closed) {
            return;
        }
        close();
        call.onError(refusal);
    }

    /** Ends the call without a result (the client asked for nothing more). */
    synchronized void complete() {
        if (closed) {
            return;
        }
        close();
        call.onCompleted();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void drain() {
        while (!closed && !waiting.isEmpty() && call.isReady()) {
            var next = waiting.poll();
            call.onNext(next.message());
            if (next.last()) {
                close();
                call.onCompleted();
            }
        }
    }

    private void cancelled() {
        Runnable action;
        synchronized (this) {
            if (closed) {
                return;
            }
            close();
            action = onCancel;
        }
        action.run();
    }

    private void close() {
        closed = true;
        waiting.clear();
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }
}
