package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.FaceVideoTruth;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.domain.vitals.AnalysisOutcome;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Videos as phones and browsers really deliver them: H.264, and a variable frame rate (pictures dropped
 * irregularly, so only the timestamps tell when each was taken). Both are made here by transcoding a lossless
 * fixture, so the truth is known.
 */
class TranscodedVideoTest {

    @TempDir
    Path dir;

    @Test
    void aVariableFrameRateVideoIsTimedByItsTimestamps() throws Exception {
        var source = dir.resolve("steady.mkv");
        FaceVideoTruth truth = FaceVideoGenerator.render(FaceVideoSpec.defaults().withHeartRate(84)
                .in(VideoContainer.MKV_FFV1).withSeed(31), source);
        var irregular = dir.resolve("irregular.mkv");
        int[] kept = transcode(source, irregular, avcodec.AV_CODEC_ID_FFV1, 0, new Random(7));

        var outcome = RppgSignalEngineAdapter.withMethod("pos").analyze(irregular);

        // About a quarter of the pictures are gone: an engine that assumed a fixed rate would read ~63 bpm.
        assertThat(kept[0]).isLessThan((int) (kept[1] * 0.85));
        assertThat(outcome).isInstanceOf(AnalysisOutcome.Measured.class);
        var vitals = ((AnalysisOutcome.Measured) outcome).vitals();
        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.heartRateBpm(), within(3.0));
    }

    @Test
    void anH264VideoIsDecodedAndItsFaceAnalysed() throws Exception {
        var source = dir.resolve("lossless.mkv");
        FaceVideoTruth truth = FaceVideoGenerator.render(FaceVideoSpec.defaults().withHeartRate(76)
                .in(VideoContainer.MKV_FFV1).withSeed(32), source);
        var h264 = dir.resolve("phone.mp4");
        transcode(source, h264, avcodec.AV_CODEC_ID_H264, 4_000_000, null);

        var outcome = RppgSignalEngineAdapter.withMethod("green").analyze(h264);

        assertThat(outcome).isInstanceOf(AnalysisOutcome.Measured.class);
        var vitals = ((AnalysisOutcome.Measured) outcome).vitals();
        assertThat(vitals.framesAnalysed()).isGreaterThan(300);
        assertThat(vitals.heartRate().beatsPerMinute()).isCloseTo(truth.heartRateBpm(), within(3.0));
    }

    /**
     * Copies {@code source} into {@code target} with the given codec, keeping each picture's timestamp; with a
     * random source, drops pictures irregularly.
     *
     * @return pictures written and pictures read
     */
    private static int[] transcode(Path source, Path target, int codec, int bitrate, Random drop) throws Exception {
        int read = 0;
        int written = 0;
        try (var grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            try (var recorder = new FFmpegFrameRecorder(target.toFile(), grabber.getImageWidth(),
                    grabber.getImageHeight(), 0)) {
                recorder.setVideoCodec(codec);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(grabber.getFrameRate());
                if (bitrate > 0) {
                    recorder.setVideoBitrate(bitrate);
                }
                recorder.start();
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    read++;
                    if (drop != null && drop.nextDouble() < 0.25) {
                        continue;
                    }
                    recorder.setTimestamp(grabber.getTimestamp());
                    recorder.record(frame);
                    written++;
                }
            }
        }
        return new int[] {written, read};
    }
}
