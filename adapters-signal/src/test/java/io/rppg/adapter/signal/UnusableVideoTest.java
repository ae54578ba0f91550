package io.rppg.adapter.signal;

import io.rppg.adapter.signal.fixture.UnusableVideos;
import io.rppg.domain.vitals.AnalysisOutcome;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UnusableVideoTest {

    private final RppgSignalEngineAdapter engine = RppgSignalEngineAdapter.withMethod("pos");

    @TempDir
    Path dir;

    @Test
    void emptyRoomHasNoFace() {
        AnalysisOutcome outcome = engine.analyze(UnusableVideos.emptyRoom(dir.resolve("empty.mp4")));
        assertFailure(outcome, FailureCode.NO_FACE_DETECTED);
        assertThat(((AnalysisOutcome.Unusable) outcome).failure().message()).isEqualTo("No face detected in video");
    }

    @Test
    void faceThatLeavesIsLost() {
        assertFailure(engine.analyze(UnusableVideos.faceLeaves(dir.resolve("leaves.mov"))), FailureCode.FACE_LOST);
    }

    @Test
    void twoSecondsAreTooShort() {
        assertFailure(engine.analyze(UnusableVideos.twoSeconds(dir.resolve("short.mp4"))), FailureCode.VIDEO_TOO_SHORT);
    }

    @Test
    void darkRoomIsTooDark() {
        assertFailure(engine.analyze(UnusableVideos.darkRoom(dir.resolve("dark.avi"))), FailureCode.TOO_DARK);
    }

    @Test
    void garbageIsUnreadable() {
        assertFailure(engine.analyze(UnusableVideos.garbage(dir.resolve("garbage.mp4"))), FailureCode.UNREADABLE_VIDEO);
    }

    @Test
    void truncatedUploadIsUnreadable() {
        assertFailure(engine.analyze(UnusableVideos.truncated(dir.resolve("cut.mp4"))), FailureCode.UNREADABLE_VIDEO);
    }

    @Test
    void missingFileIsUnreadable() {
        assertFailure(engine.analyze(dir.resolve("nothing-here.mp4")), FailureCode.UNREADABLE_VIDEO);
    }

    private static void assertFailure(AnalysisOutcome outcome, FailureCode code) {
        assertThat(outcome).isInstanceOf(AnalysisOutcome.Unusable.class);
        assertThat(((AnalysisOutcome.Unusable) outcome).failure().code()).isEqualTo(code);
    }
}
