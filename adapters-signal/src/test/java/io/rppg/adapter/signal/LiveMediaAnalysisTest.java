package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.RecorderPieces;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.application.port.out.LiveSignalEnginePort;
import io.rppg.application.port.out.LiveSignalEnginePort.MediaIntake;
import io.rppg.application.port.out.LiveSignalEnginePort.Reading;
import io.rppg.domain.live.LiveCondition;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Media streams through the live engine: a browser-like WebM in pieces, garbage, a cut stream, the worker's end. */
class LiveMediaAnalysisTest {

    private static final double HEART_RATE = 76;

    @TempDir
    static Path dir;
    private static Path video;
    private static byte[] webm;

    private final LiveSignalEngineAdapter engine = new LiveSignalEngineAdapter(SignalEngineConfig.defaults());

    @BeforeAll
    static void recording() {
        video = dir.resolve("face.webm");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(20).withHeartRate(HEART_RATE)
                .in(VideoContainer.WEBM_VP8), video);
        webm = RecorderPieces.liveWebm(video);
    }

    @Test
    void piecesOfABrowserLikeWebmGiveAWindowEverySecondWithTheFaceAndTheUploadsFinalResult() {
        var heard = new Heard();
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), heard);
        for (var piece : RecorderPieces.cut(webm, 80, 3)) {
            assertThat(analysis.take(piece)).isEqualTo(new MediaIntake.Taken());
        }
        var outcome = analysis.finish();

        var windows = heard.readings.stream().filter(Reading.Window.class::isInstance)
                .map(reading -> ((Reading.Window) reading).window()).toList();
        assertThat(windows).extracting(w -> w.endSeconds()).containsExactly(10.0, 11.0, 12.0, 13.0, 14.0, 15.0,
                16.0, 17.0, 18.0, 19.0);
        for (var window : windows) {
            assertThat(window.heartRate()).as("window ending at %s", window.endSeconds())
                    .isCloseTo(HEART_RATE, within(3.0));
            assertThat(window.face()).isNotNull();
            assertThat(window.face().width()).isBetween(40, 320);
            assertThat(window.face().x() + window.face().width()).isLessThanOrEqualTo(330);
        }
        assertThat(heard.readings).noneMatch(Reading.Condition.class::isInstance);
        assertThat(heard.failures).isEmpty();

        var upload = new RppgSignalEngineAdapter(SignalEngineConfig.defaults()).analyze(video);
        assertThat(outcome).isInstanceOf(AnalysisOutcome.Measured.class);
        double live = ((AnalysisOutcome.Measured) outcome).vitals().heartRate().beatsPerMinute();
        double uploaded = ((AnalysisOutcome.Measured) upload).vitals().heartRate().beatsPerMinute();
        assertThat(live).isCloseTo(uploaded, within(1.0)).isCloseTo(HEART_RATE, within(1.5));
        assertThat(workersAlive()).isZero();
    }

    @Test
    void piecesOfAFragmentedMp4GiveTheWindowsAndTheUploadsFinalResult() {
        var mp4 = dir.resolve("face.mp4");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(20).withHeartRate(HEART_RATE)
                .in(VideoContainer.MP4_MPEG4), mp4);
        var fragmented = RecorderPieces.liveFragmentedMp4(mp4);
        // An empty moov and then moof boxes: the recording is fragmented, as a browser's MP4 is.
        assertThat(new String(fragmented, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("moof");
        var heard = new Heard();
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), heard);
        for (var piece : RecorderPieces.cut(fragmented, 80, 4)) {
            assertThat(analysis.take(piece)).isEqualTo(new MediaIntake.Taken());
        }
        var outcome = analysis.finish();

        var windows = heard.readings.stream().filter(Reading.Window.class::isInstance)
                .map(reading -> ((Reading.Window) reading).window()).toList();
        assertThat(windows).extracting(w -> w.endSeconds()).containsExactly(10.0, 11.0, 12.0, 13.0, 14.0, 15.0,
                16.0, 17.0, 18.0, 19.0);
        assertThat(windows).allSatisfy(window -> assertThat(window.heartRate()).isCloseTo(HEART_RATE, within(3.0)));
        assertThat(heard.failures).isEmpty();
        var upload = new RppgSignalEngineAdapter(SignalEngineConfig.defaults()).analyze(mp4);
        assertThat(outcome).isInstanceOf(AnalysisOutcome.Measured.class);
        assertThat(((AnalysisOutcome.Measured) outcome).vitals().heartRate().beatsPerMinute())
                .isCloseTo(((AnalysisOutcome.Measured) upload).vitals().heartRate().beatsPerMinute(), within(1.0));
        assertThat(workersAlive()).isZero();
    }

    @Test
    void aStreamThatIsNotARecordingIsRefusedAtItsFirstPiece() {
        var heard = new Heard();
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), heard);
        var garbage = new byte[4096];
        new Random(5).nextBytes(garbage);
        assertThat(analysis.take(garbage)).isInstanceOfSatisfying(MediaIntake.Refused.class,
                refused -> assertThat(refused.failure().code()).isEqualTo(FailureCode.UNSUPPORTED_FORMAT));
        assertThat(analysis.finish()).isInstanceOf(AnalysisOutcome.Unusable.class);
        assertThat(workersAlive()).isZero();
    }

    @Test
    void aHeaderFollowedByGarbageFailsTheStreamWithAReasonAndEndsItsWorker() throws Exception {
        var heard = new Heard();
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), heard);
        var garbage = new byte[64 * 1024];
        new Random(6).nextBytes(garbage);
        garbage[0] = 0x1A;
        garbage[1] = 0x45;
        garbage[2] = (byte) 0xDF;
        garbage[3] = (byte) 0xA3;
        analysis.take(garbage);
        analysis.take(garbage.clone());
        var outcome = analysis.finish();
        assertThat(outcome).isInstanceOfSatisfying(AnalysisOutcome.Unusable.class,
                unusable -> assertThat(unusable.failure().message()).isNotBlank());
        assertThat(workersAlive()).isZero();
    }

    @Test
    void aStreamCutMidPictureEndsWithWhatItHadAndTooShortAFailure() {
        var heard = new Heard();
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), heard);
        var pieces = RecorderPieces.cut(webm, 80, 4);
        for (var piece : pieces.subList(0, 12)) {
            analysis.take(piece);
        }
        var outcome = analysis.finish();
        assertThat(outcome).isInstanceOfSatisfying(AnalysisOutcome.Unusable.class,
                unusable -> assertThat(unusable.failure().code()).isEqualTo(FailureCode.VIDEO_TOO_SHORT));
        assertThat(analysis.seconds()).isBetween(1.0, 4.0);
        assertThat(workersAlive()).isZero();
    }

    @Test
    void closingAStreamThatWaitsForMoreEndsItsWorkerAtOnce() {
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), new Heard());
        var pieces = RecorderPieces.cut(webm, 80, 5);
        for (var piece : pieces.subList(0, 20)) {
            analysis.take(piece);
        }
        long start = System.nanoTime();
        analysis.close();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2);
        assertThat(workersAlive()).isZero();
        assertThat(analysis.take(pieces.get(20))).isNotEqualTo(new MediaIntake.Taken());
    }

    @Test
    void aDarkOrEmptySceneIsToldEverySecond() {
        var empty = dir.resolve("empty.webm");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(4).withoutFace().in(VideoContainer.WEBM_VP8),
                empty);
        var heard = new Heard();
        var analysis = engine.openMedia(new LiveSignalEnginePort.Settings("auto", 10), heard);
        for (var piece : RecorderPieces.cut(RecorderPieces.liveWebm(empty), 16, 6)) {
            analysis.take(piece);
        }
        analysis.finish();
        assertThat(heard.readings).hasSizeGreaterThanOrEqualTo(3).allSatisfy(reading ->
                assertThat(((Reading.Condition) reading).condition()).isIn(LiveCondition.NO_FACE,
                        LiveCondition.TOO_DARK));
    }

    static long workersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(LiveMediaAnalysis.WORKER_NAME) && thread.isAlive())
                .count();
    }

    static final class Heard implements LiveSignalEnginePort.MediaListener {
        final List<Reading> readings = new CopyOnWriteArrayList<>();
        final List<AnalysisFailure> failures = new CopyOnWriteArrayList<>();

        @Override
        public void progressed(double seconds, List<Reading> due) {
            readings.addAll(due);
        }

        @Override
        public void failed(AnalysisFailure failure) {
            failures.add(failure);
        }
    }
}
