package io.rppg.adapter.signal.cli;

import io.rppg.adapter.signal.fixture.FaceVideoGenerator;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.UnusableVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code analyze --plot DIR} writes each file's picture: its figures as printed, its beats, or why it failed. */
class AnalyzePlotTest {

    @TempDir
    Path dir;

    @Test
    void eachFileGetsItsPictureWithTheHeartRatePrintedAndItsBeatsOrItsFailure() throws Exception {
        Path good = dir.resolve("good.mp4");
        FaceVideoGenerator.render(FaceVideoSpec.defaults().withSeconds(10).withHeartRate(75), good);
        Path bad = UnusableVideos.garbage(dir.resolve("bad.mp4"));
        Path plots = dir.resolve("plots");
        var out = new ByteArrayOutputStream();

        int exit = AnalyzeCommand.run(new String[]{"analyze", good.toString(), bad.toString(), "--json",
                        "--plot", plots.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        var matcher = Pattern.compile("\"heart_rate\":([0-9.]+)").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(matcher.find()).isTrue();
        double printed = Double.parseDouble(matcher.group(1));
        var picture = parse(plots.resolve("good.mp4.svg"));
        assertThat(texts(picture, "heart-rate")).containsExactly(String.format(java.util.Locale.ROOT, "%.1f bpm",
                printed));
        // 75 bpm over about 10 s of face.
        assertThat((double) withClass(picture, "beat").size()).isCloseTo(12.5, within(2.5));
        var failed = parse(plots.resolve("bad.mp4.svg"));
        assertThat(texts(failed, "failure-code")).containsExactly("UNREADABLE_VIDEO");
        assertThat(String.join(" ", texts(failed, "failure-reason"))).isNotBlank();
    }

    @Test
    void aPlotDirectoryThatCannotBeMadeIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        var err = new ByteArrayOutputStream();

        int exit = AnalyzeCommand.run(new String[]{"analyze", "x.mp4", "--plot", file.resolve("sub").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--plot needs a directory");
    }

    private static Document parse(Path svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(svg.toFile());
    }

    private static List<Element> withClass(Document document, String role) {
        var all = document.getElementsByTagName("*");
        var found = new ArrayList<Element>();
        for (int i = 0; i < all.getLength(); i++) {
            var element = (Element) all.item(i);
            if (role.equals(element.getAttribute("class"))) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> texts(Document document, String role) {
        return withClass(document, role).stream().map(Element::getTextContent).toList();
    }
}
