package io.rppg.bootstrap.scan;

import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import io.rppg.adapter.signal.fixture.UnusableVideos;
import io.rppg.adapter.signal.fixture.VideoContainer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The pictures of a scan over HTTP, on a real face video and the real engine: the SVG read back with an XML parser
 * agrees with the JSON (its heart rate label, one mark per beat counted), the PNG decodes at the SVG's size, a failed
 * scan's picture says why, a pending one answers as its vitals do, and another tenant sees none of it. Each picture
 * is saved under {@code target/pictures/} to be looked at.
 */
class ScanPicturesTest extends ScanFlowTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path SAVED = Path.of("target", "pictures");

    @Test
    void aCompletedScansPicturesAgreeWithItsVitalsAndOnlyItsTenantSeesThem() throws Exception {
        var tenant = api.createTenant();
        var stranger = api.createTenant();
        var video = video(FaceVideoSpec.defaults().withSeconds(15).withHeartRate(66).in(VideoContainer.MP4_MPEG4)
                .withSeed(81));
        var sessionId = openV1Session(tenant.apiKey());
        var base = "/api/v1/scan-session/" + sessionId;
        var pending = api.get(base + "/report.svg", tenant.apiKey());
        assertThat(pending.status()).as(pending.toString()).isEqualTo(202);
        assertThat(pending.text("status")).isEqualTo("pending");
        assertThat(pending.text("session_id")).isEqualTo(sessionId);

        expect(uploadV1(tenant.apiKey(), sessionId, "face.mp4", "video/mp4", video.bytes()), 202);
        assertThat(awaitFinishedV1(tenant.apiKey(), sessionId).path("status").asString()).isEqualTo("completed");

        var vitals = expect(api.get(base + "/vitals?include=waveform,spectrum", tenant.apiKey()), 200)
                .json().path("vitals");
        var waveform = vitals.path("waveform");
        var spectrum = vitals.path("spectrum");
        assertThat(fieldNames(waveform)).containsExactly("sample_rate_hz", "values", "beats_s");
        assertThat(fieldNames(spectrum)).containsExactly("bpm", "power", "peak_bpm");
        assertThat(waveform.path("sample_rate_hz").asDouble()).isEqualTo(30.0);
        var values = doubles(waveform.path("values"));
        assertThat((double) values.size()).isCloseTo(vitals.path("analysed_seconds").asDouble() * 30, within(3.0));
        assertThat(values).allSatisfy(v -> assertThat(v).isBetween(-1.0, 1.0));
        var beats = doubles(waveform.path("beats_s"));
        assertThat((double) beats.size()).isCloseTo(66 / 60.0 * values.size() / 30, within(3.0));
        assertThat(beats).isSorted();
        assertThat(doubles(spectrum.path("bpm"))).hasSameSizeAs(doubles(spectrum.path("power")));
        assertThat(spectrum.path("peak_bpm").asDouble()).isCloseTo(vitals.path("heart_rate").asDouble(), within(3.0));
        var plain = expect(api.get(base + "/vitals", tenant.apiKey()), 200).json().path("vitals");
        assertThat(plain.has("waveform")).isFalse();
        assertThat(plain.has("spectrum")).isFalse();

        var svgBytes = fetch(base + "/report.svg", tenant.apiKey(), "image/svg+xml");
        Files.createDirectories(SAVED);
        Files.write(SAVED.resolve("completed.svg"), svgBytes);
        var svg = parse(svgBytes);
        assertThat(texts(svg, "heart-rate")).containsExactly(
                String.format(Locale.ROOT, "%.1f bpm", vitals.path("heart_rate").asDouble()));
        assertThat(withClass(svg, "beat")).hasSize(beats.size());
        assertThat(texts(svg, "peak-label")).containsExactly(
                String.format(Locale.ROOT, "peak %.1f bpm", spectrum.path("peak_bpm").asDouble()));
        assertThat(withClass(svg, "series-point")).hasSize(vitals.path("heart_rate_series").size());

        var pngBytes = fetch(base + "/report.png", tenant.apiKey(), "image/png");
        Files.write(SAVED.resolve("completed.png"), pngBytes);
        var png = ImageIO.read(new ByteArrayInputStream(pngBytes));
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(Integer.parseInt(svg.getDocumentElement().getAttribute("width")));
        assertThat(png.getHeight()).isEqualTo(Integer.parseInt(svg.getDocumentElement().getAttribute("height")));

        for (var path : List.of("/report.svg", "/report.png", "/vitals?include=waveform")) {
            var foreign = api.get(base + path, stranger.apiKey());
            assertThat(foreign.status()).as(path + ": " + foreign).isEqualTo(404);
            assertThat(foreign.text("code")).isEqualTo("SESSION_NOT_FOUND");
        }
    }

    @Test
    void aFailedScansPictureSaysWhyItFailed() throws Exception {
        var tenant = api.createTenant();
        var sessionId = openV1Session(tenant.apiKey());
        var empty = Files.readAllBytes(UnusableVideos.emptyRoom(fixtureDir().resolve("empty-room-picture.mp4")));
        expect(uploadV1(tenant.apiKey(), sessionId, "room.mp4", "video/mp4", empty), 202);
        var done = awaitFinishedV1(tenant.apiKey(), sessionId);
        assertThat(done.path("status").asString()).isEqualTo("failed");

        var svgBytes = fetch("/api/v1/scan-session/" + sessionId + "/report.svg", tenant.apiKey(), "image/svg+xml");
        Files.createDirectories(SAVED);
        Files.write(SAVED.resolve("failed.svg"), svgBytes);
        var svg = parse(svgBytes);

        assertThat(texts(svg, "failure-code")).containsExactly(done.path("error_code").asString());
        assertThat(String.join(" ", texts(svg, "failure-reason"))).isEqualTo(done.path("error").asString());
        assertThat(withClass(svg, "beat")).isEmpty();
        var png = ImageIO.read(new ByteArrayInputStream(
                fetch("/api/v1/scan-session/" + sessionId + "/report.png", tenant.apiKey(), "image/png")));
        assertThat(png.getHeight()).isEqualTo(Integer.parseInt(svg.getDocumentElement().getAttribute("height")));
    }

    /** The body of a 200 answer of the given type, asked for as a browser's image request would. */
    private byte[] fetch(String path, String bearer, String type) throws Exception {
        var response = HTTP.send(api.request(path, bearer).setHeader("Accept", "image/avif,image/webp,*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + ": " + new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        return response.body();
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static List<Double> doubles(JsonNode array) {
        var out = new ArrayList<Double>();
        array.forEach(v -> out.add(v.asDouble()));
        return out;
    }

    private static Document parse(byte[] svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
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
