package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.ManageWebhooksUseCase;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.rppg.adapter.web.admin.AdminResponses.actor;
import static io.rppg.adapter.web.admin.AdminResponses.missingField;
import static io.rppg.adapter.web.admin.AdminResponses.pathId;
import static io.rppg.adapter.web.admin.AdminResponses.tenantId;
import static io.rppg.adapter.web.admin.AdminResponses.unwrap;

/** A tenant's webhook endpoints and their recent deliveries. The signing secret appears once, at registration. */
@RestController
@RequestMapping("/api/v1/admin/tenants/{tenantId}/webhooks")
class TenantWebhooksAdminController {

    private final ManageWebhooksUseCase webhooks;

    TenantWebhooksAdminController(ManageWebhooksUseCase webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedWebhookView register(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId,
                                @RequestBody(required = false) WebhookRequest request) {
        if (request == null || request.url() == null) {
            throw missingField("url");
        }
        var endpoint = unwrap(webhooks.registerWebhook(actor(caller), tenantId(tenantId), request.url(), request.events()));
        return new CreatedWebhookView(endpoint.id().toString(), endpoint.url(), names(endpoint), endpoint.secret(),
                endpoint.createdAt().toString());
    }

    @GetMapping
    List<WebhookView> list(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId) {
        return unwrap(webhooks.listWebhooks(actor(caller), tenantId(tenantId)),
                all -> all.stream().map(WebhookView::of).toList());
    }

    @DeleteMapping("/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId, @PathVariable String webhookId) {
        unwrap(webhooks.deleteWebhook(actor(caller), tenantId(tenantId), pathId(webhookId, "webhook")));
    }

    @GetMapping("/deliveries")
    List<DeliveryView> deliveries(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId) {
        return unwrap(webhooks.listDeliveries(actor(caller), tenantId(tenantId)),
                all -> all.stream().map(DeliveryView::of).toList());
    }


    private static List<String> names(WebhookEndpoint endpoint) {
        return endpoint.events().stream().map(ScanEventType::wireName).sorted().toList();
    }

    record WebhookRequest(String url, Set<String> events) {
    }

    record CreatedWebhookView(String id, String url, List<String> events, String secret, String createdAt) {
        @Override
        public String toString() {
            return "CreatedWebhookView[id=" + id + ", url=" + url + ", secret=<hidden>]";
        }
    }

    record WebhookView(String id, String url, List<String> events, String createdAt) {
        static WebhookView of(WebhookEndpoint endpoint) {
            return new WebhookView(endpoint.id().toString(), endpoint.url(), names(endpoint),
                    endpoint.createdAt().toString());
        }
    }

    record DeliveryView(String id, String webhookId, String event, String status, int attempts,
                        Integer lastStatusCode, String lastError, String nextAttemptAt, String createdAt) {
        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.id().toString(), delivery.endpointId().toString(),
                    delivery.event().wireName(), delivery.status().name().toLowerCase(Locale.ROOT),
                    delivery.attempts(), delivery.attempts() == 0 ? null : delivery.lastStatusCode(),
                    delivery.lastError(), delivery.nextAttemptAt().toString(), delivery.createdAt().toString());
        }
    }
}
