package io.rppg.adapter.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.rppg.adapter.grpc.v1.LiveInput;
import io.rppg.adapter.grpc.v1.TraceBatch;
import io.rppg.adapter.grpc.v1.VitalsWindow;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.LiveStreamUseCase.Feeding;
import io.rppg.application.port.in.LiveStreamUseCase.Subscribing;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code LiveScan} call: it starts a stream (and owns it) or joins one started with {@code StartStream}, feeds
 * it, and hears its windows and its end. The call ends with the scan: a half-close stops the stream it owns; a
 * cancelled call fails the scan of the stream it owns (nothing is left running), and leaves a joined stream to its
 * idle timeout as a dropped WebSocket does. A message that breaks the protocol fails the stream it fed.
 */
final class LiveScanCall implements StreamObserver<LiveInput> {

    private static final Logger log = LoggerFactory.getLogger(LiveScanCall.class);

    private final LiveGrpcService service;
    private final LiveStreamUseCase streams;
    private final LiveOutbox outbox;
    private final GrpcCaller caller;
    private final int maxSamples;
    private ScanSessionId session;
    private StreamId owned;

    LiveScanCall(LiveGrpcService service, LiveStreamUseCase streams, LiveOutbox outbox, GrpcCaller caller,
                 int maxSamples) {
        this.service = service;
        this.streams = streams;
        this.outbox = outbox;
        this.caller = caller;
        this.maxSamples = maxSamples;
        outbox.onCancel(this::cancelled);
    }

    @Override
    public void onNext(LiveInput input) {
        if (outbox.isClosed()) {
            return;
        }
        try {
            var tenant = caller.scanTenant();
            switch (input.getInputCase()) {
                case START -> start(tenant, input);
                case SESSION_ID -> join(tenant, input.getSessionId());
                case TRACE -> feed(tenant, input.getTrace());
                case MEDIA -> feedMedia(tenant, input.getMedia());
                case INPUT_NOT_SET -> throw Refusals.invalid("a LiveInput carries start, session_id, trace or media");
            }
        } catch (StatusRuntimeException refusal) {
            end(refusal);
        } catch (RuntimeException e) {
            log.warn("A LiveScan call failed: {}", e.toString());
            end(Refusals.unexpected(e));
        }
    }

    @Override
    public void onError(Throwable failure) {
        // The client cancelled or the connection broke: the outbox's cancel handler has undone the call.
    }

    @Override
    public void onCompleted() {
        synchronized (this) {
            if (owned == null) {
                if (session == null) {
                    outbox.complete();
                }
                return;
            }
        }
        try {
            // The stream's end reaches the outbox as the session's last message and ends the call.
            streams.stop(caller.scanTenant(), new LiveStreamUseCase.StopTarget.OfStream(owned));
        } catch (RuntimeException e) {
            log.warn("A LiveScan stream could not be stopped: {}", e.toString());
            outbox.fail(Refusals.unexpected(e));
        }
    }

    private void start(TenantId tenant, LiveInput input) {
        requireFirst();
        var stream = service.start(tenant, input.getStart());
        synchronized (this) {
            session = stream.session();
            owned = stream.id();
        }
        outbox.send(VitalsWindow.newBuilder().setSessionId(session.value())
                .setTimestamp(Instant.now().toEpochMilli())
                .setStarted(ScanMessages.started(stream)).build(), false);
        subscribe(tenant);
    }

    private void join(TenantId tenant, String sessionId) {
        requireFirst();
        if (!ScanSessionId.isWellFormed(sessionId)) {
            throw Refusals.sessionNotFound();
        }
        synchronized (this) {
            session = new ScanSessionId(sessionId);
        }
        subscribe(tenant);
    }

    private void subscribe(TenantId tenant) {
        switch (streams.subscribe(tenant, session, outbox)) {
            case Subscribing.Subscribed(var subscription) -> outbox.feedsFrom(subscription);
            case Subscribing.SessionNotFound() -> throw Refusals.sessionNotFound();
        }
    }

    private void feed(TenantId tenant, TraceBatch batch) {
        requireStream();
        List<TraceSample> samples;
        try {
            samples = samples(batch);
        } catch (IllegalArgumentException e) {
            // The client hears why before the scan's end would reach it (and end the call as a success).
            outbox.fail(Refusals.of(Status.Code.INVALID_ARGUMENT, "INVALID_MESSAGE", e.getMessage()));
            streams.abort(tenant, session, "The stream sent a malformed trace message: " + e.getMessage());
            return;
        }
        fed(streams.feed(tenant, session, samples));
    }

    /** The next piece of the stream's WebM or fragmented-MP4 recording, cut at any byte. */
    private void feedMedia(TenantId tenant, ByteString piece) {
        requireStream();
        if (piece.isEmpty()) {
            throw Refusals.invalid("a media piece carries at least one byte");
        }
        fed(streams.feedMedia(tenant, session, piece.toByteArray()));
    }

    /** What became of the call's input: nothing to say, or a refusal that ends the call. */
    private void fed(Feeding feeding) {
        switch (feeding) {
            case Feeding.Accepted accepted -> {
            }
            case Feeding.Ended ended -> {
                // The stream reached its length; its end is on its way to the outbox.
            }
            case Feeding.TooFast tooFast -> throw Refusals.of(Status.Code.RESOURCE_EXHAUSTED, "RATE_LIMIT_EXCEEDED",
                    "Samples arrived faster than real time; the stream was ended");
            case Feeding.NotStreaming notStreaming -> throw LiveGrpcService.streamUnavailable("session " + session.value());
            case Feeding.WrongInput wrong -> throw Refusals.of(Status.Code.FAILED_PRECONDITION,
                    "UNSUPPORTED_INPUT", "This stream takes " + wrong.takes().wireName() + " input");
        }
    }

    private List<TraceSample> samples(TraceBatch batch) {
        if (batch.getSamplesCount() == 0) {
            throw new IllegalArgumentException("a trace carries at least one sample");
        }
        if (batch.getSamplesCount() > maxSamples) {
            throw new IllegalArgumentException("at most " + maxSamples + " samples per message");
        }
        var samples = new ArrayList<TraceSample>(batch.getSamplesCount());
        for (var sample : batch.getSamplesList()) {
            samples.add(new TraceSample(sample.getTMs(), sample.getR(), sample.getG(), sample.getB()));
        }
        return samples;
    }

    private void requireStream() {
        if (session == null) {
            throw Refusals.of(Status.Code.FAILED_PRECONDITION, "STREAM_UNAVAILABLE",
                    "Send start or the session_id of a running stream before any input");
        }
    }

    private void requireFirst() {
        if (session != null) {
            throw Refusals.invalid("start or session_id comes once, as the first message");
        }
    }

    /** Ends the call with a refusal; the stream this call owns ends with it (its scan fails with the reason). */
    private void end(StatusRuntimeException refusal) {
        StreamId stream;
        synchronized (this) {
            stream = owned;
        }
        outbox.fail(refusal);
        if (stream != null) {
            streams.abort(caller.scanTenant(), session, "The stream was ended: "
                    + refusal.getStatus().getDescription());
        }
    }

    private void cancelled() {
        ScanSessionId fed;
        synchronized (this) {
            fed = owned == null ? null : session;
        }
        if (fed != null) {
            streams.abort(caller.scanTenant(), fed, "The LiveScan call that fed the stream was cancelled");
        }
    }
}
