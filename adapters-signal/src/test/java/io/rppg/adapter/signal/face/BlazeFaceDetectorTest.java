package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.fixture.DrawnFace;
import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.PatternVideos;
import io.rppg.adapter.signal.fixture.VideoContainer;
import io.rppg.adapter.signal.video.Box;
import io.rppg.adapter.signal.video.VideoReader;
import io.rppg.adapter.signal.video.YuvPicture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped model on decoded pictures of rendered faces, whose eyes and mouth are known to the pixel: the box
 * where the generator drew the face, the eye keypoints on the drawn eyes, the roll from them, whatever the tilt,
 * turn, size and orientation; and no face where there is none.
 */
class BlazeFaceDetectorTest {

    /** The box's centre may miss the drawn face's centre by this share of the face's width: 8 px on 100. */
    private static final double CENTRE_TOLERANCE = 0.08;

    private static BlazeFaceDetector detector;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        detector = new BlazeFaceDetector();
    }

    @AfterAll
    static void closeModel() {
        detector.close();
    }

    @ParameterizedTest(name = "roll {0} degrees")
    @ValueSource(doubles = {0, 30, -30, 45, -45})
    void findsATiltedFaceAndItsRoll(double roll) throws Exception {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withRoll(roll);

        Face face = theOnlyFace(spec);

        assertOnTheDrawnFace(face, FaceVideoGenerator.drawnFace(spec));
        assertThat(face.rollDegrees()).isCloseTo(roll, within(10.0));
    }

    @ParameterizedTest(name = "yaw {0} degrees")
    @ValueSource(doubles = {30, -30})
    void findsATurnedFace(double yaw) throws Exception {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withYaw(yaw);

        Face face = theOnlyFace(spec);

        DrawnFace drawn = FaceVideoGenerator.drawnFace(spec);
        assertOnTheDrawnFace(face, drawn);
        // The eyes slid round the head with the turn, and the keypoints went with them.
        assertThat(Math.signum(face.landmarks().noseTip().x() - drawn.centreX())).isEqualTo(Math.signum(yaw));
    }

    @Test
    void findsASmallFaceInALargerPicture() throws Exception {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSize(640, 480).withFaceSize(80.0 / 480);

        Face face = theOnlyFace(spec);

        DrawnFace drawn = FaceVideoGenerator.drawnFace(spec);
        assertThat(drawn.width()).isCloseTo(80, within(0.5));
        assertOnTheDrawnFace(face, drawn);
    }

    @Test
    void findsAFaceInAPortraitPicture() throws Exception {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSize(360, 640);

        assertOnTheDrawnFace(theOnlyFace(spec), FaceVideoGenerator.drawnFace(spec));
    }

    @ParameterizedTest(name = "stored turned by {0}")
    @ValueSource(ints = {90, 270})
    void findsAPortraitFaceStoredSidewaysInUprightCoordinates(int rotation) throws Exception {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSize(360, 640).withRoll(30).turnedBy(rotation);

        Face face = theOnlyFace(spec);

        assertOnTheDrawnFace(face, FaceVideoGenerator.drawnFace(spec));
        assertThat(face.rollDegrees()).isCloseTo(30, within(10.0));
    }

    @Test
    void aSearchAroundAHeldBoxFindsTheSameFace() throws Exception {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withRoll(-30);
        DrawnFace drawn = FaceVideoGenerator.drawnFace(spec);
        // A box where the face was a few pictures ago: off by a tenth of its width and a little too large.
        Box held = new Box(drawn.centreX() - 0.45 * drawn.width(), drawn.centreY() - 0.65 * drawn.width(),
                1.1 * drawn.width(), 1.1 * drawn.width());

        try (VideoReader reader = VideoReader.open(render(spec))) {
            List<Face> faces = detector.detectNear(reader.next(), reader.orientation(), held);

            assertThat(faces).hasSize(1);
            assertOnTheDrawnFace(faces.getFirst(), drawn);
        }
    }

    @Test
    void findsNoFaceInATestPatternABlankPictureOrNoise() throws Exception {
        for (Path video : List.of(PatternVideos.testPattern(dir.resolve("pattern.mkv"), 640, 480),
                PatternVideos.blank(dir.resolve("blank.mkv"), 640, 480),
                PatternVideos.noise(dir.resolve("noise.mkv"), 640, 480))) {
            try (VideoReader reader = VideoReader.open(video)) {
                for (int i = 0; i < 3; i++) {
                    YuvPicture picture = reader.next();
                    assertThat(detector.detect(picture, reader.orientation())).as(video.getFileName().toString())
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void tilesCoverThePictureOverlappingByHalfATile() {
        List<Box> tiles = BlazeFaceDetector.tiles(640, 480);

        assertThat(tiles).hasSize(6).allSatisfy(tile -> {
            assertThat(tile.width()).isEqualTo(320);
            assertThat(tile.height()).isEqualTo(320);
        });
        assertThat(tiles).extracting(Box::x).containsOnly(0.0, 160.0, 320.0);
        assertThat(tiles).extracting(Box::y).containsOnly(0.0, 160.0);
        assertThat(BlazeFaceDetector.tiles(360, 640)).extracting(Box::y).containsExactly(0.0, 0.0, 160.0, 160.0,
                320.0, 320.0);
    }

    @Test
    void anEmptyRoomHasNoFaceButItsBrightnessIsMeasured() throws Exception {
        try (VideoReader reader = VideoReader.open(render(FaceVideoSpec.defaults().withoutFace()))) {
            assertThat(detector.detect(reader.next(), reader.orientation())).isEmpty();
            // The generator's wall: about 118 of 255, lit at full brightness.
            assertThat(detector.sceneLuma()).isCloseTo(118, within(8.0));
        }
    }

    private Face theOnlyFace(FaceVideoSpec spec) throws Exception {
        try (VideoReader reader = VideoReader.open(render(spec))) {
            List<Face> faces = detector.detect(reader.next(), reader.orientation());
            assertThat(faces).hasSize(1);
            return faces.getFirst();
        }
    }

    /** Two seconds at five pictures a second (the pulse fixture needs a few beats); only the first is searched. */
    private Path render(FaceVideoSpec spec) {
        // The MP4 muxer stores the display matrix of a turned video; the Matroska one cannot.
        VideoContainer container = spec.rotation() == 0 ? VideoContainer.MKV_FFV1 : VideoContainer.MP4_MPEG4;
        Path video = dir.resolve("face." + container.extension());
        FaceVideoGenerator.render(spec.withSeconds(2).withFps(5).in(container), video);
        return video;
    }

    private static void assertOnTheDrawnFace(Face face, DrawnFace drawn) {
        Box box = face.box();
        assertThat(Math.hypot(box.centreX() - drawn.centreX(), box.centreY() - drawn.centreY()))
                .as("distance of the box's centre from the drawn face's").isLessThan(CENTRE_TOLERANCE * drawn.width());
        // BlazeFace frames a tilted face a little tighter: down to about 0.8 of its width at 45 degrees.
        assertThat(box.width()).as("box width").isBetween(0.75 * drawn.width(), 1.1 * drawn.width());
        assertThat(box.height()).as("box height").isCloseTo(box.width(), within(0.05 * box.width()));
        Landmark right = face.landmarks().rightEye();
        Landmark left = face.landmarks().leftEye();
        assertThat(Math.hypot(right.x() - drawn.rightEyeX(), right.y() - drawn.rightEyeY()))
                .as("right eye keypoint from the drawn right eye").isLessThan(drawn.eyeHalfWidth());
        assertThat(Math.hypot(left.x() - drawn.leftEyeX(), left.y() - drawn.leftEyeY()))
                .as("left eye keypoint from the drawn left eye").isLessThan(drawn.eyeHalfWidth());
        assertThat(face.score()).isBetween(0.5, 1.0);
    }
}
