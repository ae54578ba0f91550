package io.rppg.adapter.jobs.webhook;

import io.rppg.application.port.in.DeliverWebhooksUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs on every node and sends the due webhook deliveries of the outbox. Nodes share the outbox safely (each
 * claims rows with SKIP LOCKED), so no coordination is needed. A full batch means more may be waiting, so it goes
 * on at once.
 */
@Component
class WebhookDeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);
    private static final int BATCH = 20;

    private final DeliverWebhooksUseCase deliveries;

    WebhookDeliveryWorker(DeliverWebhooksUseCase deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(fixedDelayString = "${rppg.webhooks.poll-interval:2s}", initialDelayString = "5s")
    void deliverDue() {
        try {
            while (deliveries.deliverDue(BATCH) == BATCH) {
                log.debug("A full batch of webhooks was sent; sending the next");
            }
        } catch (RuntimeException e) {
            log.warn("Webhook delivery round failed; the deliveries stay queued", e);
        }
    }
}
