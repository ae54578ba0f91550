package io.rppg.application.port.out;

import java.util.Map;
import java.util.Optional;

/** POSTs a webhook body to a receiver, and decides which receivers may be reached at all. */
public interface WebhookSenderPort {

    /** Why the URL may not be a webhook target (private, loopback or link-local addresses), or empty if it may. */
    Optional<String> refusalFor(String url);

    /** The receiver's HTTP status, or 0 with the error when it could not be reached. */
    SendResult send(String url, String body, Map<String, String> headers);

    record SendResult(int statusCode, String error) {
    }
}
