package io.rppg.bootstrap.wiring;

import io.rppg.application.port.in.DeliverWebhooksUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.application.port.out.WebhookSenderPort;
import io.rppg.application.service.webhook.ScanEventNotifier;
import io.rppg.application.service.webhook.WebhookService;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.webhook.WebhookDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Webhooks: the services, and a worker on every node that sends due deliveries. Nodes share the outbox safely
 * (each claims rows with SKIP LOCKED), so no coordination is needed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);
    private static final int BATCH = 20;

    @Bean
    WebhookService webhookService(WebhookEndpointPort endpoints, WebhookDeliveryPort deliveries,
                                  WebhookSenderPort sender, TenantPort tenants, TransactionPort transactions,
                                  ClockPort clock, IdGeneratorPort ids,
                                  @Value("${rppg.webhooks.first-retry-delay:10s}") Duration firstRetryDelay) {
        var retries = new RetryPolicy(WebhookDelivery.RETRIES.maxAttempts(), firstRetryDelay,
                WebhookDelivery.RETRIES.maxDelay());
        return new WebhookService(endpoints, deliveries, sender, tenants, transactions, clock, ids, retries);
    }

    @Bean
    ScanEventNotifier scanEventNotifier(WebhookEndpointPort endpoints, WebhookDeliveryPort deliveries,
                                        ClockPort clock, IdGeneratorPort ids) {
        return new ScanEventNotifier(endpoints, deliveries, clock, ids);
    }

    @Bean
    WebhookDeliveryWorker webhookDeliveryWorker(DeliverWebhooksUseCase deliveries) {
        return new WebhookDeliveryWorker(deliveries);
    }

    /** Polls the outbox; a full batch means more may be waiting, so it goes on at once. */
    static final class WebhookDeliveryWorker {

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
}
