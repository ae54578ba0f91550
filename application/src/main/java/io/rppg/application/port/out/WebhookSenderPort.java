package io.rppg.application.port.out;

import io.rppg.domain.webhook.ScanEventType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends webhook deliveries to their receivers, signed with the endpoint's secret so that a receiver can tell them
 * from forgeries, and decides which receivers may be reached at all. How a delivery is signed and carried is the
 * sender's business.
 */
public interface WebhookSenderPort {

    /** Why the URL may not be a webhook target (private, loopback or link-local addresses), or empty if it may. */
    Optional<String> refusalFor(String url);

    /** The receiver's HTTP status, or 0 with the error when it could not be reached. */
    SendResult send(OutgoingWebhook webhook);

    /**
     * One attempt at a delivery.
     *
     * @param secret     the endpoint's signing secret
     * @param deliveryId the same on every attempt, so a receiver can tell a retry from a new event
     * @param sentAt     when this attempt is sent; it is signed with the body, so that receivers can refuse replays
     * @param body       the exact bytes to send, as text
     */
    record OutgoingWebhook(String url, String secret, UUID deliveryId, ScanEventType event, Instant sentAt,
                           String body) {

        /** Without the secret, which must not reach a log. */
        @Override
        public String toString() {
            return "OutgoingWebhook[" + event.wireName() + " " + deliveryId + " to " + url + "]";
        }
    }

    record SendResult(int statusCode, String error) {
    }
}
