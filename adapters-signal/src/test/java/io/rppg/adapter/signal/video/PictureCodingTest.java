package io.rppg.adapter.signal.video;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.VideoContainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader tells which pictures the codec coded on their own: mpeg4 as the fixtures encode it refreshes every
 * 2 s (60 pictures at 30 fps) and codes the rest from the pictures before; FFV1 codes every picture on its own.
 */
class PictureCodingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MP4_MPEG4, 3", "MP4_MPEG4_COARSE, 3", "MKV_FFV1, 150"})
    void intraCodedPicturesAreToldApart(VideoContainer container, int intraCoded) throws Exception {
        FaceVideoSpec spec = FaceVideoSpec.defaults().withSeconds(5).in(container);
        Path video = dir.resolve("coding." + container.extension());
        FaceVideoGenerator.render(spec, video);

        int pictures = 0, intra = 0;
        try (VideoReader reader = VideoReader.open(video)) {
            YuvPicture picture;
            while ((picture = reader.next()) != null) {
                pictures++;
                intra += picture.intraCoded() ? 1 : 0;
            }
        }

        assertThat(pictures).isEqualTo(150);
        assertThat(intra).isEqualTo(intraCoded);
    }
}
