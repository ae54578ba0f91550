package io.rppg.adapter.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.rppg.adapter.grpc.v1.VitalsWindow;
import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.session.ScanSessionId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox in front of one client's call: what it sends, holds and gives up on when the client does not read. */
class LiveOutboxTest {

    private static final ScanSessionId SESSION = new ScanSessionId("sess_20261130120000_abcdefgh");

    @Test
    void messagesGoOutAsTheTransportTakesThemAndWaitWhileItDoesNot() {
        var call = new RecordingCall();
        var outbox = new LiveOutbox(call, 8, Duration.ofSeconds(5));
        outbox.onMessage(status(1));
        call.ready = false;
        outbox.onMessage(status(2));
        outbox.onMessage(status(3));
        assertThat(call.sent).hasSize(1);

        call.ready = true;
        call.onReady.run();
        assertThat(call.sent).extracting(message -> message.getCondition().getT()).containsExactly(1.0, 2.0, 3.0);
        assertThat(call.failure).isNull();
    }

    @Test
    void aClientThatLeavesTooManyMessagesUnreadIsClosedWithResourceExhaustedAndItsSubscriptionCancelled() {
        var call = new RecordingCall();
        var outbox = new LiveOutbox(call, 4, Duration.ofSeconds(5));
        var cancelled = new AtomicInteger();
        outbox.feedsFrom(cancelled::incrementAndGet);
        call.ready = false;
        for (int second = 1; second <= 5; second++) {
            outbox.onMessage(status(second));
        }
        assertThat(call.failure).isNotNull();
        assertThat(call.failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(call.failure.getTrailers().get(Refusals.ERROR_CODE)).isEqualTo("SLOW_CONSUMER");
        assertThat(cancelled).hasValue(1);

        // Nothing more is queued or sent once the call is closed.
        call.ready = true;
        outbox.onMessage(status(6));
        call.onReady.run();
        assertThat(call.sent).isEmpty();
    }

    @Test
    void aMessageWaitingLongerThanThePatienceClosesTheCall() throws Exception {
        var call = new RecordingCall();
        var outbox = new LiveOutbox(call, 100, Duration.ofMillis(50));
        call.ready = false;
        outbox.onMessage(status(1));
        Thread.sleep(80);
        outbox.onMessage(status(2));
        assertThat(call.failure).isNotNull();
        assertThat(call.failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }

    @Test
    void aCancelledCallRunsItsUndoOnceAndCancelsItsSubscription() {
        var call = new RecordingCall();
        var outbox = new LiveOutbox(call, 8, Duration.ofSeconds(5));
        var undone = new AtomicInteger();
        var cancelled = new AtomicInteger();
        outbox.onCancel(undone::incrementAndGet);
        outbox.feedsFrom(cancelled::incrementAndGet);
        call.onCancel.run();
        call.onCancel.run();
        assertThat(undone).hasValue(1);
        assertThat(cancelled).hasValue(1);
        assertThat(outbox.isClosed()).isTrue();

        // A subscription made after the call ended is cancelled at once.
        var late = new AtomicInteger();
        outbox.feedsFrom(late::incrementAndGet);
        assertThat(late).hasValue(1);
    }

    private static LiveMessage status(double at) {
        return new LiveMessage.Status(SESSION, LiveCondition.HOLD_STILL, at);
    }

    /** The server side of one call, as the transport would hold it: ready or not, and what was sent. */
    private static final class RecordingCall extends ServerCallStreamObserver<VitalsWindow> {

        final List<VitalsWindow> sent = new ArrayList<>();
        boolean ready = true;
        boolean completed;
        StatusRuntimeException failure;
        Runnable onReady = () -> {
        };
        Runnable onCancel = () -> {
        };

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
            onCancel = handler;
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
            onReady = handler;
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void onNext(VitalsWindow value) {
            sent.add(value);
        }

        @Override
        public void onError(Throwable error) {
            failure = (StatusRuntimeException) error;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }
}
