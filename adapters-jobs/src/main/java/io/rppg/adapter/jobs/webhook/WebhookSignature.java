package io.rppg.adapter.jobs.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * {@code X-Rppg-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}. The timestamp inside the
 * signed text lets receivers reject replays of old deliveries.
 */
final class WebhookSignature {

    static final String HEADER = "X-Rppg-Signature";

    private WebhookSignature() {
    }

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacSha256Hex(secret, unixSeconds + "." + body);
    }

    static String hmacSha256Hex(String secret, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
