package io.rppg.bootstrap.scan;

import com.sun.net.httpserver.HttpServer;
import io.rppg.adapter.signal.fixture.FaceVideoSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static io.rppg.bootstrap.scan.ScanApi.body;
import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A real scan, end to end: its webhooks reach a local receiver, signed, and the scan metrics move. */
class ScanNotificationsTest extends ScanFlowTest {

    private static final Pattern COMPLETED = Pattern.compile("(?m)^rppg_scans_completed_total(?:\\{[^}]*\\})? (\\S+)$");

    private HttpServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aCompletedScanIsPostedToTheTenantsWebhookAndCounted() throws Exception {
        var bodies = new CopyOnWriteArrayList<String>();
        var signatures = new CopyOnWriteArrayList<String>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            signatures.add(exchange.getRequestHeaders().getFirst("X-Rppg-Signature"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        var tenant = api.createTenant();
        var registered = expect(api.post("/api/v1/admin/tenants/" + tenant.id() + "/webhooks", tenant.adminToken(),
                body("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                        "events", List.of("scan.processing", "scan.completed"))), 201);
        var secret = registered.text("secret");
        var completedBefore = completedScans();

        var video = video(FaceVideoSpec.defaults().withSeconds(12).withHeartRate(66).withSeed(71));
        var sessionId = openV1Session(tenant.apiKey());
        expect(uploadV1(tenant.apiKey(), sessionId, "scan.mp4", "video/mp4", video.bytes()), 202);
        assertThat(awaitFinishedV1(tenant.apiKey(), sessionId).path("status").asString()).isEqualTo("completed");

        await().atMost(Duration.ofSeconds(20)).until(() -> bodies.size() >= 2);
        var events = bodies.stream().map(b -> b.replaceAll(".*\"event\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(events).containsExactlyInAnyOrder("scan.processing", "scan.completed");
        var completed = bodies.stream().filter(b -> b.contains("\"event\":\"scan.completed\"")).findFirst().orElseThrow();
        assertThat(completed).contains("\"session_id\":\"" + sessionId + "\"").contains("\"heart_rate\":");
        var signature = signatures.get(bodies.indexOf(completed));
        var timestamp = signature.replaceAll("t=(\\d+),v1=.*", "$1");
        assertThat(signature).endsWith("v1=" + hmac(secret, timestamp + "." + completed));
        assertThat(completedScans()).isGreaterThan(completedBefore);
    }

    private double completedScans() {
        var metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        var matcher = COMPLETED.matcher(metrics.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String hmac(String secret, String text) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
