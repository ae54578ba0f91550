package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.fixture.SkinTone;
import io.rppg.adapter.signal.fixture.StillFace;
import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;
import io.rppg.adapter.signal.video.YuvPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The cascade on drawn pictures made in memory: no codec between the drawing and the detector. */
class FaceDetectorTest {

    private final FaceDetector detector = new FaceDetector();

    @AfterEach
    void close() {
        detector.close();
    }

    @Test
    void findsTheDrawnFaceWhereItIs() {
        StillFace face = new StillFace(320, 240, SkinTone.MEDIUM);
        YuvPicture picture = YuvPictures.painted(320, 240, face::colourAt);

        List<Box> found = detector.detect(picture, Orientation.UPRIGHT);

        assertThat(found).hasSize(1);
        assertIsTheFace(found.get(0), face);
        assertThat(detector.sceneLuma()).isCloseTo(YuvPictures.meanLuma(picture), within(0.5));
    }

    @Test
    void findsNoFaceOnABareWall() {
        YuvPicture wall = YuvPictures.painted(320, 240, StillFace::wallAt);

        assertThat(detector.detect(wall, Orientation.UPRIGHT)).isEmpty();
        assertThat(detector.sceneLuma()).isCloseTo(YuvPictures.meanLuma(wall), within(0.5));
    }

    /** The cascade finds upright faces only: a picture stored turned is searched after the turn. */
    @ParameterizedTest
    @EnumSource(value = Orientation.class, names = {"CLOCKWISE_90", "UPSIDE_DOWN", "CLOCKWISE_270"})
    void findsAFaceStoredTurnedInUprightCoordinates(Orientation orientation) {
        StillFace face = new StillFace(240, 320, SkinTone.OLIVE);
        YuvPicture stored = YuvPictures.stored(orientation, 240, 320, face::colourAt);

        List<Box> found = detector.detect(stored, orientation);

        assertThat(found).hasSize(1);
        assertIsTheFace(found.get(0), face);
        assertThat(detector.detect(stored, Orientation.UPRIGHT)).isEmpty();
    }

    /** Around a held box the face is found again; around a bare stretch of wall nothing is. */
    @Test
    void searchesNearAHeldBox() {
        StillFace face = new StillFace(320, 240, SkinTone.LIGHT);
        YuvPicture picture = YuvPictures.painted(320, 240, face::colourAt);
        Box held = detector.detect(picture, Orientation.UPRIGHT).get(0);

        List<Box> near = detector.detectNear(picture, Orientation.UPRIGHT, held);
        List<Box> elsewhere = detector.detectNear(picture, Orientation.UPRIGHT,
                new Box(5, 5, held.width() / 2, held.height() / 2));

        assertThat(near).hasSize(1);
        assertIsTheFace(near.get(0), face);
        assertThat(elsewhere).isEmpty();
    }

    /** A box on the drawn face: centred on it within a tenth of its width, and about as wide. */
    private static void assertIsTheFace(Box box, StillFace face) {
        assertThat(box.centreX()).isCloseTo(face.centreX(), within(0.1 * face.faceWidth()));
        assertThat(box.centreY()).isCloseTo(face.centreY(), within(0.2 * face.faceWidth()));
        assertThat(box.width()).isBetween(0.6 * face.faceWidth(), 1.3 * face.faceWidth());
    }
}
