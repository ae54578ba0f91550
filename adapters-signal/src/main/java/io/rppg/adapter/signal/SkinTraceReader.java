package io.rppg.adapter.signal;

import io.rppg.adapter.signal.face.FaceDetector;
import io.rppg.adapter.signal.face.FaceTracker;
import io.rppg.adapter.signal.face.SkinSample;
import io.rppg.adapter.signal.face.SkinSampler;
import io.rppg.adapter.signal.face.VerticalMotion;
import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.UnusableVideoException;
import io.rppg.adapter.signal.video.VideoReader;
import io.rppg.adapter.signal.video.YuvPicture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Decodes a video picture by picture and reduces each to its skin colour and face position. Decoding and reducing
 * run on two threads joined by a few picture copies, so the face work overlaps FFmpeg's instead of stalling it;
 * the pictures are still reduced one by one, in order, so the result does not depend on timing.
 */
final class SkinTraceReader {

    /** Pictures in flight between the decoder and the reducer: bounds memory whatever the video's length. */
    private static final int PICTURES_IN_FLIGHT = 4;

    private final SignalEngineConfig config;

    SkinTraceReader(SignalEngineConfig config) {
        this.config = config;
    }

    SkinTrace read(Path video) throws UnusableVideoException {
        try (VideoReader reader = VideoReader.open(video)) {
            Orientation orientation = reader.orientation();
            BlockingQueue<YuvPicture> free = new ArrayBlockingQueue<>(PICTURES_IN_FLIGHT);
            BlockingQueue<YuvPicture> decoded = new ArrayBlockingQueue<>(PICTURES_IN_FLIGHT + 1);
            List<YuvPicture> copies = new ArrayList<>();
            for (int i = 0; i < PICTURES_IN_FLIGHT; i++) {
                copies.add(YuvPicture.detached());
            }
            free.addAll(copies);
            YuvPicture end = YuvPicture.detached();
            FutureTask<SkinTrace> reduction = new FutureTask<>(() -> reduce(decoded, free, end, orientation));
            Thread reducer = new Thread(reduction, "rppg-skin-trace");
            reducer.setDaemon(true);
            reducer.start();
            try {
                decode(reader, free, decoded, reduction);
            } finally {
                decoded.offer(end);
                awaitQuietly(reducer);
                copies.forEach(YuvPicture::close);
            }
            return reduction.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing " + video.getFileName(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void decode(VideoReader reader, BlockingQueue<YuvPicture> free, BlockingQueue<YuvPicture> decoded,
                        FutureTask<SkinTrace> reduction) throws UnusableVideoException, InterruptedException {
        long first = Long.MIN_VALUE;
        long deadline = System.nanoTime() + (long) (config.maxProcessingSeconds() * 1e9);
        YuvPicture picture;
        while ((picture = reader.next()) != null) {
            if (System.nanoTime() > deadline) {
                throw new AnalysisTimeout("analysis exceeded its budget of " + config.maxProcessingSeconds() + " s");
            }
            if (first == Long.MIN_VALUE) {
                first = picture.timestampMicros();
            }
            if ((picture.timestampMicros() - first) / 1e6 > config.maxAnalysedSeconds()) {
                return;
            }
            YuvPicture copy = null;
            while (copy == null) {
                if (reduction.isDone()) {
                    return;
                }
                copy = free.poll(100, TimeUnit.MILLISECONDS);
            }
            copy.copyFrom(picture);
            decoded.put(copy);
        }
    }

    private SkinTrace reduce(BlockingQueue<YuvPicture> decoded, BlockingQueue<YuvPicture> free, YuvPicture end,
                             Orientation orientation) throws InterruptedException {
        SkinTrace trace = new SkinTrace();
        try (FaceDetector detector = new FaceDetector()) {
            FaceTracker tracker = new FaceTracker(detector, config.detectionInterval(), config.facePatienceSeconds());
            SkinSampler sampler = new SkinSampler();
            VerticalMotion motion = new VerticalMotion();
            long first = Long.MIN_VALUE;
            YuvPicture picture;
            while ((picture = decoded.take()) != end) {
                if (first == Long.MIN_VALUE) {
                    first = picture.timestampMicros();
                }
                reduceOne(picture, (picture.timestampMicros() - first) / 1e6, orientation, tracker, detector,
                        sampler, motion, trace);
                free.put(picture);
            }
            trace.faceFound = tracker.everFound();
        }
        return trace;
    }

    private static void reduceOne(YuvPicture picture, double seconds, Orientation orientation, FaceTracker tracker,
                                  FaceDetector detector, SkinSampler sampler, VerticalMotion motion, SkinTrace trace) {
        trace.pictures++;
        trace.videoSeconds = seconds;
        Box face = tracker.track(picture, orientation, seconds);
        if (tracker.searched()) {
            trace.sceneLumaSum += detector.sceneLuma();
            trace.sceneLumaCount++;
        }
        if (face == null) {
            return;
        }
        int width = picture.width();
        int height = picture.height();
        List<Box> regions = SkinSampler.regionsOf(face).stream()
                .map(r -> orientation.toStored(r, width, height))
                .toList();
        SkinSample skin = sampler.sample(picture, regions);
        double position = motion.measure(picture, orientation.toStored(face, width, height), orientation);
        if (skin.pixels() > 0) {
            trace.picturesWithFace++;
            trace.add(seconds, skin.red(), skin.green(), skin.blue(), position, skin.luma());
        }
    }

    /** The analysis ran out of time: a fault of the platform's capacity, not of the video. */
    static final class AnalysisTimeout extends RuntimeException {
        AnalysisTimeout(String message) {
            super(message);
        }
    }

    private static void awaitQuietly(Thread reducer) {
        try {
            reducer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
