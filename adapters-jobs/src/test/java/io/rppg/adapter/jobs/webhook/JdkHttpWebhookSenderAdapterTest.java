package io.rppg.adapter.jobs.webhook;

import com.sun.net.httpserver.HttpServer;
import io.rppg.application.port.out.WebhookSenderPort.OutgoingWebhook;
import io.rppg.domain.webhook.ScanEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class JdkHttpWebhookSenderAdapterTest {

    private final JdkHttpWebhookSenderAdapter guarded = new JdkHttpWebhookSenderAdapter(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "::1", "fd00::1", "fe80::1", "224.0.0.1"})
    void internalAddressesAreRecognised(String address) throws Exception {
        assertThat(JdkHttpWebhookSenderAdapter.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111"})
    void publicAddressesAreNotInternal(String address) throws Exception {
        assertThat(JdkHttpWebhookSenderAdapter.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void loopbackAndMetadataTargetsAreRefused() {
        assertThat(guarded.refusalFor("http://127.0.0.1:8080/hook")).isPresent();
        assertThat(guarded.refusalFor("http://localhost/hook")).isPresent();
        assertThat(guarded.refusalFor("http://169.254.169.254/latest/meta-data")).isPresent();
        assertThat(guarded.refusalFor("http://[::1]/hook")).isPresent();
    }

    @Test
    void malformedOrCredentialBearingUrlsAreRefused() {
        assertThat(guarded.refusalFor("ftp://example.com/hook")).contains("url must use http or https");
        assertThat(guarded.refusalFor("http://user:pw@93.184.216.34/hook")).isPresent();
        assertThat(guarded.refusalFor("not a url")).isPresent();
    }

    @Test
    void privateTargetsPassOnlyWhenAllowed() {
        var permissive = new JdkHttpWebhookSenderAdapter(true);
        assertThat(permissive.refusalFor("http://127.0.0.1:8080/hook")).isEmpty();
    }

    @Test
    void aDeliveryIsPostedAsItIsSignedWithTheEndpointsSecretAndNamedByItsEventAndId() throws Exception {
        var received = new ConcurrentHashMap<String, String>();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            for (var name : new String[]{"X-Rppg-Signature", "X-Rppg-Event", "X-Rppg-Delivery", "Content-Type"}) {
                received.put(name, exchange.getRequestHeaders().getFirst(name));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            var delivery = UUID.randomUUID();
            var sentAt = Instant.parse("2026-03-15T10:00:00Z");
            var body = "{\"event\":\"scan.completed\",\"session_id\":\"sess_1\"}";
            var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";

            var result = new JdkHttpWebhookSenderAdapter(true).send(
                    new OutgoingWebhook(url, "whsec_secret", delivery, ScanEventType.SCAN_COMPLETED, sentAt, body));

            assertThat(result.statusCode()).isEqualTo(204);
            assertThat(result.error()).isNull();
            assertThat(received).containsAllEntriesOf(Map.of(
                    "body", body,
                    "X-Rppg-Event", "scan.completed",
                    "X-Rppg-Delivery", delivery.toString(),
                    "Content-Type", "application/json",
                    // what the README tells receivers to check
                    "X-Rppg-Signature", "t=" + sentAt.getEpochSecond() + ",v1="
                            + hmacSha256Hex("whsec_secret", sentAt.getEpochSecond() + "." + body)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aReceiverThatCannotBeReachedIsAnAttemptWithoutStatus() {
        var result = new JdkHttpWebhookSenderAdapter(true).send(new OutgoingWebhook("http://127.0.0.1:1/hook",
                "whsec_secret", UUID.randomUUID(), ScanEventType.SCAN_FAILED, Instant.now(), "{}"));

        assertThat(result.statusCode()).isZero();
        assertThat(result.error()).startsWith("could not reach the receiver");
    }

    private static String hmacSha256Hex(String key, String text) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
