package io.rppg.domain.webhook;

/** pending (to be tried, maybe again) -> delivered | failed (gave up). */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
