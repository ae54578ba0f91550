package io.rppg.bootstrap.wiring;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Webhooks: endpoint management and delivery, and the scan events that fill the outbox. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {

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
}
