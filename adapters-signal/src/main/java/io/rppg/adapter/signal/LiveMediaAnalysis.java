package io.rppg.adapter.signal;

import io.rppg.adapter.signal.face.BlazeFaceDetector;
import io.rppg.adapter.signal.face.Face;
import io.rppg.adapter.signal.face.FaceDetector;
import io.rppg.adapter.signal.face.FaceTracker;
import io.rppg.adapter.signal.method.RppgMethods;
import io.rppg.adapter.signal.video.UnusableVideoException;
import io.rppg.adapter.signal.video.VideoReader;
import io.rppg.adapter.signal.video.YuvPicture;
import io.rppg.application.port.out.LiveSignalEnginePort.MediaAnalysis;
import io.rppg.application.port.out.LiveSignalEnginePort.MediaIntake;
import io.rppg.application.port.out.LiveSignalEnginePort.MediaListener;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.live.LiveWindow;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One live media stream: the pieces of a WebM or fragmented-MP4 recording, decoded by FFmpeg on a worker thread of
 * the stream's own as they arrive, reduced picture by picture by the upload's {@link FaceReduction} (detector,
 * tracker, {@link io.rppg.adapter.signal.face.FaceSkin}), read once a second by {@link LiveWindowReader}, and at the
 * end judged by the file engine. The same recording streamed or uploaded gives the same trace, so the same result.
 *
 * <p>The worker is the only thread that touches FFmpeg and the trace. It ends when the input ends and what was
 * queued is decoded ({@link #finish}), at once on {@link #close}, or by itself when the stream cannot be decoded.
 */
final class LiveMediaAnalysis implements MediaAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMediaAnalysis.class);
    private static final AtomicInteger WORKERS = new AtomicInteger();
    /** Name prefix of the decoding workers, one a stream. */
    static final String WORKER_NAME = "live-media-";

    /**
     * Undecoded bytes one stream may hold: about 12 s of a browser's VP8 at 2.5 Mbit/s. A decoder keeps pace with
     * a real-time stream, so only a sender faster than real time (or a decoder starved of CPU) fills it.
     */
    static final long MAX_PENDING_BYTES = 4L * 1024 * 1024;
    /** How long a piece may wait for room before the stream counts as flooding: slows the sender meanwhile. */
    private static final long ROOM_WAIT_MILLIS = 1000;
    /** How long the end of a stream may take to decode what is queued before its worker is stopped. */
    private static final long DRAIN_SECONDS = 20;
    /** A face lower than this (in pixels) gives too few skin pixels for a pulse. */
    static final double SMALLEST_FACE_PIXELS = 64;
    /** The face's centre moving more than this share of its width within a second is a moving head. */
    private static final double MOST_MOVEMENT_PER_SECOND = 0.25;
    private static final double DARKEST_SCENE_LUMA = 30;
    /**
     * The decoder stays at most this far ahead of the time since the first piece arrived: a sender faster than
     * real time gets no faster decoding (nor more CPU); its excess waits, and shows as a lead the stream's owner
     * judges.
     */
    private static final double AHEAD_SECONDS = 1.0;

    private final RppgSignalEngineAdapter judge;
    private final LiveWindowReader windows;
    private final SignalEngineConfig config;
    private final MediaListener listener;
    private final MediaPieces pieces = new MediaPieces(MAX_PENDING_BYTES);
    private final CountDownLatch workerDone = new CountDownLatch(1);
    /** Wakes a worker that keeps to real time: the input ended or the stream was closed. */
    private final CountDownLatch hurry = new CountDownLatch(1);
    private volatile long firstPieceNanos;
    private final Thread worker;
    private volatile double seconds;
    private volatile AnalysisFailure failure;
    private volatile boolean closed;
    private boolean headerChecked;
    /** Written by the worker before it counts {@link #workerDone} down; read after awaiting it. */
    private FaceReduction reduction;

    LiveMediaAnalysis(SignalEngineConfig config, int windowSeconds, MediaListener listener) {
        this.config = config;
        this.judge = new RppgSignalEngineAdapter(config);
        this.windows = new LiveWindowReader(RppgMethods.named(config.method()), windowSeconds);
        this.listener = listener;
        this.worker = Thread.ofPlatform().daemon().name(WORKER_NAME + WORKERS.incrementAndGet())
                .unstarted(this::decode);
    }

    @Override
    public MediaIntake take(byte[] piece) {
        if (failure != null) {
            return new MediaIntake.Refused(failure);
        }
        if (!headerChecked) {
            headerChecked = true;
            if (!startsLikeARecording(piece)) {
                failure = new AnalysisFailure(FailureCode.UNSUPPORTED_FORMAT,
                        "The stream is not a WebM or MP4 recording: its first piece must hold the recording's header");
                return new MediaIntake.Refused(failure);
            }
            firstPieceNanos = System.nanoTime();
            worker.start();
        }
        try {
            if (!pieces.offer(piece, ROOM_WAIT_MILLIS)) {
                return failure != null ? new MediaIntake.Refused(failure)
                        : new MediaIntake.Backlogged(pieces.pending());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MediaIntake.Backlogged(pieces.pending());
        }
        return new MediaIntake.Taken();
    }

    /** WebM (Matroska's EBML magic) or MP4 (an {@code ftyp} box first), as {@code MediaRecorder} writes them. */
    private static boolean startsLikeARecording(byte[] piece) {
        if (piece.length >= 4 && (piece[0] & 0xff) == 0x1A && (piece[1] & 0xff) == 0x45 && (piece[2] & 0xff) == 0xDF
                && (piece[3] & 0xff) == 0xA3) {
            return true;
        }
        return piece.length >= 8 && piece[4] == 'f' && piece[5] == 't' && piece[6] == 'y' && piece[7] == 'p';
    }

    /**
     * Seconds of video received: those decoded, plus what waits to be decoded at the stream's bitrate so far. A
     * sender faster than real time shows here at once, however fast this node decodes.
     */
    @Override
    public double seconds() {
        double decoded = seconds;
        long received = pieces.received();
        long consumed = received - pieces.pending();
        if (decoded <= 0 || consumed <= 0) {
            return decoded;
        }
        return decoded * received / consumed;
    }

    @Override
    public AnalysisOutcome finish() {
        pieces.end();
        hurry.countDown();
        if (worker.isAlive() || worker.getState() == Thread.State.NEW) {
            try {
                if (worker.getState() != Thread.State.NEW && !workerDone.await(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("A live media stream took over {} s to decode its end; it is judged on what it has",
                            DRAIN_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        if (failure != null) {
            return new AnalysisOutcome.Unusable(failure);
        }
        if (reduction == null) {
            return new AnalysisOutcome.Unusable(new AnalysisFailure(FailureCode.UNREADABLE_VIDEO,
                    "The stream ended before its first picture"));
        }
        return judge.judge(reduction.finish());
    }

    @Override
    public void close() {
        closed = true;
        hurry.countDown();
        pieces.abort();
        if (worker.getState() == Thread.State.NEW || Thread.currentThread() == worker) {
            return;
        }
        try {
            // The worker is between pictures within milliseconds: FFmpeg's next read finds the stream ended.
            if (!workerDone.await(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.error("A live media decoder did not stop within {} s", DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void decode() {
        try (VideoReader reader = VideoReader.open(pieces); FaceDetector detector = new BlazeFaceDetector();
             FaceTracker tracker = new FaceTracker(detector, config.detectionInterval(),
                     config.facePatienceSeconds())) {
            var reduced = new FaceReduction(reader.orientation(), detector, tracker);
            var scene = new SecondOfScene();
            double nextSecond = 1;
            long first = Long.MIN_VALUE;
            YuvPicture picture;
            while (!closed && (picture = reader.next()) != null) {
                if (first == Long.MIN_VALUE) {
                    first = picture.timestampMicros();
                    reduction = reduced;
                }
                double at = (picture.timestampMicros() - first) / 1e6;
                // A second is judged as soon as a later picture shows it complete, from the pictures before it.
                List<Reading> due = new ArrayList<>();
                boolean newSecond = at > nextSecond;
                while (at > nextSecond) {
                    var reading = readingAt(reduced.trace(), nextSecond, scene);
                    if (reading != null) {
                        due.add(reading);
                    }
                    scene = new SecondOfScene();
                    nextSecond += 1;
                }
                keepToRealTime(at);
                reduced.add(picture, at);
                scene.saw(reduced);
                seconds = at;
                if (newSecond) {
                    listener.progressed(at, due);
                }
            }
            if (!closed && !pieces.isEnded()) {
                // FFmpeg stopped before the input did: what came after cannot be decoded.
                fail(new AnalysisFailure(FailureCode.UNREADABLE_VIDEO, String.format(Locale.ROOT,
                        "The stream's video could not be decoded after %.1f s", seconds)));
            }
        } catch (UnusableVideoException e) {
            fail(e.failure().code() == FailureCode.UNREADABLE_VIDEO
                    ? new AnalysisFailure(FailureCode.UNREADABLE_VIDEO,
                    "The stream could not be decoded: it is damaged or not a WebM or MP4 recording")
                    : e.failure());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("A live media stream's decoder failed", e);
            fail(AnalysisFailure.of(FailureCode.PROCESSING_ERROR));
        } finally {
            workerDone.countDown();
        }
    }

    /** Waits, if the picture at {@code at} is further ahead of the stream's arrival than it may be. */
    private void keepToRealTime(double at) {
        long wait = firstPieceNanos + (long) ((at - AHEAD_SECONDS) * 1e9) - System.nanoTime();
        if (wait > 0 && !pieces.isEnded()) {
            try {
                hurry.await(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void fail(AnalysisFailure reason) {
        failure = reason;
        if (!closed) {
            listener.failed(reason);
        }
    }

    /**
     * The reading of the second that ends at {@code end}: what keeps the face from being read (no face, too dark,
     * too small, moving), else from the window's length on a heart rate.
     */
    private Reading readingAt(SkinTrace trace, double end, SecondOfScene scene) {
        var condition = scene.condition();
        if (condition != null) {
            return new Reading.Condition(condition, end);
        }
        if (end < windows.windowSeconds()) {
            return null;
        }
        return windows.windowEndingAt(trace, end, scene.faceBox());
    }

    /** What the face code saw during one second of the stream. */
    private static final class SecondOfScene {
        int pictures;
        int withFace;
        int withSkin;
        double skinLuma;
        double sceneLuma;
        int sceneLumaCount;
        Face first;
        Face last;
        double movement;

        void saw(FaceReduction reduced) {
            pictures++;
            double light = reduced.sceneLuma();
            if (!Double.isNaN(light)) {
                sceneLuma += light;
                sceneLumaCount++;
            }
            var face = reduced.lastFace();
            if (face == null) {
                return;
            }
            withFace++;
            if (first == null) {
                first = face;
            }
            movement = Math.max(movement, Math.hypot(face.box().centreX() - first.box().centreX(),
                    face.box().centreY() - first.box().centreY()) / Math.max(1, first.box().width()));
            last = face;
            if (reduced.lastColour() != null) {
                withSkin++;
                skinLuma += reduced.lastColour().luma();
            }
        }

        LiveCondition condition() {
            if (pictures == 0) {
                return null;
            }
            if (withFace == 0) {
                return sceneLumaCount > 0 && sceneLuma / sceneLumaCount < DARKEST_SCENE_LUMA
                        ? LiveCondition.TOO_DARK : LiveCondition.NO_FACE;
            }
            if (withSkin > 0 && skinLuma / withSkin < DARKEST_SCENE_LUMA) {
                return LiveCondition.TOO_DARK;
            }
            if (last.box().height() < SMALLEST_FACE_PIXELS) {
                return LiveCondition.FACE_TOO_SMALL;
            }
            if (movement > MOST_MOVEMENT_PER_SECOND) {
                return LiveCondition.HOLD_STILL;
            }
            return null;
        }

        /** The last face of the second, in the upright picture's pixels (as a player shows it), from 0 on. */
        LiveWindow.FaceBox faceBox() {
            if (last == null) {
                return null;
            }
            var box = last.box();
            int x = (int) Math.round(Math.max(0, box.x()));
            int y = (int) Math.round(Math.max(0, box.y()));
            return new LiveWindow.FaceBox(x, y, (int) Math.max(1, Math.round(box.x() + box.width()) - x),
                    (int) Math.max(1, Math.round(box.y() + box.height()) - y));
        }
    }
}
