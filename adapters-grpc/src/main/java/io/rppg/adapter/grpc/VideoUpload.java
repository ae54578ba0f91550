package io.rppg.adapter.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.rppg.adapter.grpc.v1.ScanResult;
import io.rppg.adapter.grpc.v1.VideoChunk;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.SubmitVideoUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase.SubmissionResult;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@code AnalyzeVideo} call: the chunks become the {@link InputStream} of a v1 upload, read by a virtual thread.
 * The call asks the client for its next chunk only once the previous one has been handed to storage, so a call
 * holds at most two chunks in memory whatever the file's size. Once the video is accepted the call waits for the
 * analysis (reading the scan every {@code resultPollInterval}) until it ends, the client cancels, or its deadline
 * passes; the analysis itself is a queued job and goes on either way, readable with {@code GetScan}.
 */
final class VideoUpload implements StreamObserver<VideoChunk> {

    private static final Logger log = LoggerFactory.getLogger(VideoUpload.class);
    private static final Object END = new Object();
    private static final Object BROKEN = new Object();

    private final ServerCallStreamObserver<ScanResult> call;
    private final GrpcCaller caller;
    private final Dependencies ports;
    private final GrpcProperties properties;
    private final Context context = Context.current();
    private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private boolean started;
    private boolean answered;
    private volatile boolean stalled;
    /** The client cancelled, or its deadline passed: not one more byte is stored, even of chunks already here. */
    private volatile boolean broken;
    private volatile ScanSessionId session;

    record Dependencies(CreateScanSessionUseCase createSession, SubmitVideoUseCase submitVideo,
                        GetScanSessionQuery getSession) {
    }

    VideoUpload(ServerCallStreamObserver<ScanResult> call, GrpcCaller caller, Dependencies ports,
                GrpcProperties properties) {
        this.call = call;
        this.caller = caller;
        this.ports = ports;
        this.properties = properties;
        call.disableAutoRequest();
        call.setOnCancelHandler(() -> {
            broken = true;
            chunks.add(BROKEN);
        });
        call.request(1);
    }

    @Override
    public void onNext(VideoChunk chunk) {
        if (!started) {
            started = true;
            var first = chunk;
            Thread.ofVirtual().name("grpc-upload").start(context.wrap(() -> upload(first)));
        }
        if (chunk.getData().isEmpty()) {
            call.request(1);
        } else {
            chunks.add(chunk.getData());
        }
    }

    @Override
    public void onError(Throwable failure) {
        broken = true;
        chunks.add(BROKEN);
    }

    @Override
    public void onCompleted() {
        if (!started) {
            answer(null, Refusals.of(Status.Code.INVALID_ARGUMENT, "EMPTY_FILE", "The upload sent no video"));
            return;
        }
        chunks.add(END);
    }

    private void upload(VideoChunk first) {
        try {
            var tenant = caller.scanTenant();
            session = sessionFor(first);
            var metadata = first.getMetadataJson().isEmpty() ? null : first.getMetadataJson();
            var result = ports.submitVideo().submitVideo(new SubmitVideoUseCase.Command(tenant, session,
                    new Chunks(), blankToNull(first.getContentType()), blankToNull(first.getFileName()), metadata));
            switch (result) {
                case SubmissionResult.Accepted(var accepted) -> {
                    if (first.getReturnWhenAccepted()) {
                        answer(ScanMessages.result(accepted, Instant.now()), null);
                    } else {
                        awaitAnalysis(session);
                    }
                }
                case SubmissionResult.Refusal refusal -> answer(null, refused(refusal));
            }
        } catch (StatusRuntimeException refusal) {
            answer(null, refusal);
        } catch (IllegalArgumentException e) {
            answer(null, Refusals.invalid(e.getMessage()));
        } catch (RuntimeException e) {
            if (stalled) {
                answer(null, Refusals.of(Status.Code.DEADLINE_EXCEEDED, "UPLOAD_STALLED", "No chunk arrived for "
                        + properties.uploadPatience().toSeconds() + " s; the upload was broken off and nothing kept"));
            } else if (!context.isCancelled()) {
                log.warn("A gRPC upload failed: {}", e.toString());
                answer(null, Refusals.unexpected(e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The session named by the first chunk, or a new one: one scan of the plan, as a v1 session creation. */
    private ScanSessionId sessionFor(VideoChunk first) {
        if (!first.getSessionId().isEmpty()) {
            if (!ScanSessionId.isWellFormed(first.getSessionId())) {
                throw Refusals.sessionNotFound();
            }
            return new ScanSessionId(first.getSessionId());
        }
        var creation = ports.createSession().createScanSession(
                new CreateScanSessionUseCase.Command(caller.scanTenant(), caller.owner()));
        return switch (creation) {
            case SessionCreation.Created(var session) -> session.id();
            case SessionCreation.NoScansAvailable refusal -> throw Refusals.notOpened(refusal, Instant.now());
            case SessionCreation.TooManyOpenSessions refusal -> throw Refusals.notOpened(refusal, Instant.now());
        };
    }

    private void awaitAnalysis(ScanSessionId session) throws InterruptedException {
        var tenant = caller.scanTenant();
        while (!context.isCancelled()) {
            var scan = ports.getSession().getScanSession(tenant, session);
            if (scan.isEmpty()) {
                answer(null, Refusals.sessionNotFound());
                return;
            }
            if (scan.get().status() == ScanStatus.COMPLETED || scan.get().status() == ScanStatus.FAILED) {
                answer(ScanMessages.result(scan.get(), Instant.now()), null);
                return;
            }
            Thread.sleep(properties.resultPollInterval());
        }
    }

    static StatusRuntimeException refused(SubmissionResult.Refusal refusal) {
        return switch (refusal) {
            case SubmissionResult.SessionNotFound() -> Refusals.sessionNotFound();
            case SubmissionResult.VideoAlreadySubmitted() -> Refusals.of(Status.Code.ALREADY_EXISTS,
                    "VIDEO_ALREADY_SUBMITTED", "This session already has its video; open a new session for another scan");
            case SubmissionResult.TooLarge(var maxBytes) -> Refusals.of(Status.Code.INVALID_ARGUMENT, "FILE_TOO_LARGE",
                    "File exceeds your plan's limit of " + maxBytes / (1024 * 1024) + " MB");
            case SubmissionResult.UnsupportedFormat(var detail) -> Refusals.of(Status.Code.INVALID_ARGUMENT,
                    "UNSUPPORTED_FORMAT", "Invalid file format: send an MP4, WebM, MOV or AVI video (" + detail + ")");
            case SubmissionResult.Unreadable(var detail) -> Refusals.of(Status.Code.INVALID_ARGUMENT,
                    "INVALID_VIDEO", "Invalid video content: " + detail);
        };
    }

    /**
     * The one answer of the call; whatever comes later (a cancelled client's) is dropped. A refusal names the
     * session once there is one, so that the client may send the video again into it.
     */
    private synchronized void answer(ScanResult result, StatusRuntimeException refusal) {
        if (answered || call.isCancelled()) {
            answered = true;
            return;
        }
        answered = true;
        if (refusal != null) {
            var about = session;
            call.onError(about == null ? refusal : Refusals.about(about.value(), refusal));
        } else {
            call.onNext(result);
            call.onCompleted();
        }
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    /** The chunks as one stream of bytes; each chunk taken asks the client for the next. */
    private final class Chunks extends InputStream {

        private InputStream current = InputStream.nullInputStream();
        private boolean ended;

        @Override
        public int read() throws IOException {
            var one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!ended) {
                int read = current.read(buffer, offset, length);
                if (read > 0) {
                    return read;
                }
                next();
            }
            return -1;
        }

        private void next() throws IOException {
            if (broken) {
                throw new IOException("the call was cancelled");
            }
            Object taken;
            try {
                taken = chunks.poll(properties.uploadPatience().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("the upload was interrupted");
            }
            if (taken == null) {
                stalled = true;
                throw new IOException("no chunk for " + Duration.ofMillis(properties.uploadPatience().toMillis()));
            }
            if (taken == END) {
                ended = true;
            } else if (taken == BROKEN) {
                throw new IOException("the client broke off the upload");
            } else {
                current = ((ByteString) taken).newInput();
                call.request(1);
            }
        }
    }
}
