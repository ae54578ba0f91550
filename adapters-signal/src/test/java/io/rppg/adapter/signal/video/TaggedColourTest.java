package io.rppg.adapter.signal.video;

import io.rppg.adapter.signal.fixture.TaggedColourVideos;
import io.rppg.adapter.signal.fixture.TaggedColourVideos.Standard;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A skin colour recorded in each colour standard, range and depth comes back as the same red, green and blue: the
 * reader takes the matrix and range from the video's tags, also when it converts 10-bit pictures to 8 bits. Read
 * with one fixed matrix instead, BT.2020 full range would be off by over 10 levels in red.
 */
class TaggedColourTest {

    private static final double[] SKIN = {198, 148, 112};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, full range {1}, 10-bit {2}")
    @CsvSource({
            "BT601, false, false", "BT601, true, false",
            "BT709, false, false", "BT709, true, false",
            "BT2020, false, true", "BT2020, true, true",
            "BT709, false, true"})
    void aTaggedColourIsReadAsRecorded(Standard standard, boolean fullRange, boolean tenBit) throws Exception {
        Path video = dir.resolve("colour.mkv");
        TaggedColourVideos.flat(video, SKIN, standard, fullRange, tenBit);

        try (VideoReader reader = VideoReader.open(video)) {
            YuvPicture picture = reader.next();
            double y = mean(picture, 0), cb = mean(picture, 1), cr = mean(picture, 2);
            ColourMatrix matrix = picture.matrix();

            assertThat(matrix.name()).startsWith(standard.name()).endsWith(fullRange ? "FULL" : "LIMITED");
            assertThat(matrix.red(y, cb, cr)).isCloseTo(SKIN[0], within(2.0));
            assertThat(matrix.green(y, cb, cr)).isCloseTo(SKIN[1], within(2.0));
            assertThat(matrix.blue(y, cb, cr)).isCloseTo(SKIN[2], within(2.0));
        }
    }

    private static double mean(YuvPicture picture, int plane) {
        int width = plane == 0 ? picture.width() : picture.width() >> picture.chromaShiftX();
        int height = plane == 0 ? picture.height() : picture.height() >> picture.chromaShiftY();
        ByteBuffer bytes = picture.plane(plane);
        double sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                sum += bytes.get(y * picture.stride(plane) + x) & 0xFF;
            }
        }
        return sum / (width * height);
    }
}
