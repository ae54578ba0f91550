package io.rppg.application.port.in;

import io.rppg.domain.live.DeviceConfig;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.live.LiveInput;
import io.rppg.domain.live.LiveMessage;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.live.TraceSample;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * A live scan: a stream opens a scan session (one scan of the plan), is fed as it is captured, tells its subscribers
 * a heart rate every second, and ends with the session's vitals or failure, which every surface then reads.
 */
public interface LiveStreamUseCase {

    StreamStart start(StartCommand command);

    StreamStop stop(TenantId tenant, StopTarget target);

    /** Adds trace samples to the stream feeding {@code session}. */
    Feeding feed(TenantId tenant, ScanSessionId session, List<TraceSample> samples);

    /**
     * Adds the next piece of the WebM or fragmented-MP4 recording that feeds {@code session}, as a browser's
     * {@code MediaRecorder} hands it over: pieces are cut at any byte, and the first holds the header.
     */
    Feeding feedMedia(TenantId tenant, ScanSessionId session, byte[] piece);

    /** Ends a stream for a reason of the connection feeding it (a flood, a malformed message): the scan fails. */
    void abort(TenantId tenant, ScanSessionId session, String reason);

    /**
     * Tells {@code listener} every message of the session from now on, wherever in the platform it is streamed; a
     * session that has already ended is told its end at once.
     */
    Subscribing subscribe(TenantId tenant, ScanSessionId session, LiveListener listener);

    /** Ends streams idle for too long or past their length. Called about once a second. */
    void sweep(Instant now);

    /** @param device the device that streams, or null for a stream without a registered device */
    record StartCommand(TenantId tenant, SessionOwner owner, DeviceId device) {
        public StartCommand {
            if (tenant == null || owner == null) {
                throw new IllegalArgumentException("tenant and owner are required");
            }
        }
    }

    sealed interface StopTarget {
        record OfDevice(DeviceId device) implements StopTarget {
        }

        record OfStream(StreamId stream) implements StopTarget {
        }
    }

    /** A running stream as its starter sees it. */
    record Stream(StreamId id, ScanSessionId session, DeviceId device, DeviceConfig config, Instant startedAt) {
    }

    sealed interface StreamStart {
        record Started(Stream stream) implements StreamStart {
        }

        record DeviceNotFound(List<DeviceId> available) implements StreamStart {
        }

        record DeviceBusy(StreamId running) implements StreamStart {
        }

        record Refused(CreateScanSessionUseCase.SessionCreation refusal) implements StreamStart {
        }
    }

    sealed interface StreamStop {
        record Stopped(ScanSession ended) implements StreamStop {
        }

        /** The device or stream exists but nothing streams on it (or not on this node). */
        record NotStreaming() implements StreamStop {
        }

        record DeviceNotFound(List<DeviceId> available) implements StreamStop {
        }
    }

    sealed interface Feeding {
        record Accepted() implements Feeding {
        }

        /**
         * The stream was ended by this input: it reached its length, or its media cannot be decoded; the
         * subscribers have its end.
         */
        record Ended() implements Feeding {
        }

        /** Samples run ahead of real time by more than the stream allows: the stream was failed. */
        record TooFast() implements Feeding {
        }

        record NotStreaming() implements Feeding {
        }

        /**
         * The stream takes the other kind of input: its device's {@code input}, or for a stream without a device
         * the kind of its first input. Nothing was fed; the stream goes on.
         */
        record WrongInput(LiveInput takes) implements Feeding {
        }
    }

    sealed interface Subscribing {
        record Subscribed(Subscription subscription) implements Subscribing {
        }

        record SessionNotFound() implements Subscribing {
        }
    }

    interface Subscription {
        void cancel();
    }

    @FunctionalInterface
    interface LiveListener {
        void onMessage(LiveMessage message);
    }
}
