package io.rppg.application.picture;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SvgPictureTest {

    @Test
    void numbersAreWrittenToTheNearestTenthWithAPoint() {
        for (double value : new double[]{0, 0.04, 0.05, -0.04, -0.06, 1.25, 199.99, -12.345, 959.95, 3.0}) {
            var written = SvgPicture.tenths(new StringBuilder(), value).toString();
            assertThat(written).as("%s", value).matches("-?\\d+\\.\\d");
            assertThat(Double.parseDouble(written)).as("%s", value).isCloseTo(value, within(0.0500001));
        }
        assertThat(SvgPicture.tenths(new StringBuilder(), -12.345).toString()).isEqualTo("-12.3");
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotHoldAreLeftOut() {
        var picture = new ScanPicture(10, 10, "a <b> & \"c\"", List.of(new Mark.Label(1, 2, "x\u0001<y>", 10,
                Mark.Anchor.START, false, Ink.TEXT, "note"), new Mark.Trace(List.of(new Mark.Point(1.04, -2.06),
                new Mark.Point(3, 4)), Ink.PULSE, 1, "waveform")));

        var svg = SvgPictures.parse(SvgPicture.render(picture));

        assertThat(svg.text("note")).isEqualTo("x<y>");
        assertThat(svg.withRole("waveform").getFirst().getAttribute("points")).isEqualTo("1.0,-2.1 3.0,4.0");
    }
}
