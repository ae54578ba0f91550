package io.rppg.bootstrap.browser;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import io.rppg.adapter.signal.fixture.VideoContainer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Chromium's fake camera plays: a generated face rendered losslessly (FFV1) and rewritten as raw YUV 4:2:0 in a
 * Y4M file, the format Chromium's {@code --use-file-for-fake-video-capture} reads. The pulse is never compressed on
 * the way; the browser's own MediaRecorder is the first encoder it meets, as with a real camera.
 */
record FakeCamera(Path y4m, FaceVideoTruth truth) {

    static final Path DIRECTORY = Path.of("target", "fake-camera");

    /** Renders the spec once per build: the Y4M is kept under target/ and reused while the spec is the same. */
    static synchronized FakeCamera of(FaceVideoSpec spec, String name) {
        try {
            Files.createDirectories(DIRECTORY);
            var lossless = DIRECTORY.resolve(name + "-" + Integer.toHexString(spec.hashCode()) + ".mkv");
            var y4m = DIRECTORY.resolve(name + "-" + Integer.toHexString(spec.hashCode()) + ".y4m");
            var truth = FaceVideoGenerator.render(spec.in(VideoContainer.MKV_FFV1), lossless);
            if (!Files.exists(y4m)) {
                toY4m(lossless, y4m);
            }
            Files.deleteIfExists(lossless);
            return new FakeCamera(y4m, truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void toY4m(Path source, Path target) throws IOException {
        var partial = target.resolveSibling(target.getFileName() + ".part");
        try (var grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            try (var recorder = new FFmpegFrameRecorder(partial.toFile(), grabber.getImageWidth(),
                    grabber.getImageHeight(), 0)) {
                recorder.setFormat("yuv4mpegpipe");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_RAWVIDEO);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.start();
                for (var frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
                    recorder.record(frame);
                }
                recorder.stop();
            }
            grabber.stop();
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException("could not write the fake camera's Y4M file " + target, e);
        }
        Files.move(partial, target);
    }
}
