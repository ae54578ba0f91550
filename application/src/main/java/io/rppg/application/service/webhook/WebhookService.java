package io.rppg.application.service.webhook;

import io.rppg.application.port.in.Actor;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.DeliverWebhooksUseCase;
import io.rppg.application.port.in.ManageWebhooksUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.application.port.out.WebhookSenderPort;
import io.rppg.application.service.admin.TenantAccess;
import io.rppg.application.service.identity.Secrets;
import io.rppg.domain.job.RetryPolicy;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registers webhook endpoints and delivers what the outbox holds, signed and retried with back-off. */
public final class WebhookService implements ManageWebhooksUseCase, DeliverWebhooksUseCase {

    /** A worker that dies mid-send leaves its deliveries to others after this long. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int SECRET_CHARACTERS = 32;
    private static final int RECENT_DELIVERIES = 100;

    private final WebhookEndpointPort endpoints;
    private final WebhookDeliveryPort deliveries;
    private final WebhookSenderPort sender;
    private final TenantPort tenants;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;
    private final RetryPolicy retries;

    /** @param retries how failed deliveries are retried, usually {@link WebhookDelivery#RETRIES} */
    public WebhookService(WebhookEndpointPort endpoints, WebhookDeliveryPort deliveries, WebhookSenderPort sender,
                          TenantPort tenants, TransactionPort transactions, ClockPort clock, IdGeneratorPort ids,
                          RetryPolicy retries) {
        this.retries = retries;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.sender = sender;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public AdminOutcome<WebhookEndpoint> registerWebhook(Actor actor, TenantId tenant, String url, Set<String> events) {
        var refusal = TenantAccess.<WebhookEndpoint>refusal(actor, tenant);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (events == null || events.isEmpty()) {
            return new AdminOutcome.Invalid<>("events", "events must name at least one of "
                    + "scan.processing, scan.completed, scan.failed");
        }
        var types = EnumSet.noneOf(ScanEventType.class);
        for (var name : events) {
            var type = ScanEventType.fromWireName(name);
            if (type.isEmpty()) {
                return new AdminOutcome.Invalid<>("events", "unknown event '" + name + "'");
            }
            types.add(type.get());
        }
        var targetProblem = url == null ? java.util.Optional.of("url is required") : sender.refusalFor(url);
        if (targetProblem.isPresent()) {
            return new AdminOutcome.Invalid<>("url", targetProblem.get());
        }
        WebhookEndpoint endpoint;
        try {
            endpoint = new WebhookEndpoint(ids.newUuid(), tenant, url, types,
                    "whsec_" + Secrets.randomBase62(SECRET_CHARACTERS), clock.now());
        } catch (IllegalArgumentException invalid) {
            return new AdminOutcome.Invalid<>("url", invalid.getMessage());
        }
        return transactions.inTenantTransaction(tenant, () -> tenants.findById(tenant).isEmpty()
                ? new AdminOutcome.NotFound<>("tenant")
                : AdminOutcome.done(endpoints.save(endpoint)));
    }

    @Override
    public AdminOutcome<List<WebhookEndpoint>> listWebhooks(Actor actor, TenantId tenant) {
        var refusal = TenantAccess.<List<WebhookEndpoint>>refusal(actor, tenant);
        return refusal.orElseGet(() -> AdminOutcome.done(
                transactions.inTenantTransaction(tenant, () -> endpoints.findByTenant(tenant))));
    }

    @Override
    public AdminOutcome<UUID> deleteWebhook(Actor actor, TenantId tenant, UUID webhook) {
        var refusal = TenantAccess.<UUID>refusal(actor, tenant);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return transactions.inTenantTransaction(tenant, () -> {
            if (endpoints.findById(tenant, webhook).isEmpty()) {
                return new AdminOutcome.NotFound<>("webhook");
            }
            endpoints.delete(tenant, webhook);
            return AdminOutcome.done(webhook);
        });
    }

    @Override
    public AdminOutcome<List<WebhookDelivery>> listDeliveries(Actor actor, TenantId tenant) {
        var refusal = TenantAccess.<List<WebhookDelivery>>refusal(actor, tenant);
        return refusal.orElseGet(() -> AdminOutcome.done(
                transactions.inTenantTransaction(tenant, () -> deliveries.findRecent(tenant, RECENT_DELIVERIES))));
    }

    @Override
    public int deliverDue(int max) {
        var due = transactions.inPlatformTransaction(() -> deliveries.claimDue(clock.now(), LEASE, max));
        for (var next : due) {
            deliver(next);
        }
        return due.size();
    }

    private void deliver(WebhookDeliveryPort.DueDelivery due) {
        var delivery = due.delivery();
        var endpoint = due.endpoint();
        var now = clock.now();
        var refusal = sender.refusalFor(endpoint.url());
        var result = refusal.isPresent()
                ? new WebhookSenderPort.SendResult(0, refusal.get())
                : sender.send(new WebhookSenderPort.OutgoingWebhook(endpoint.url(), endpoint.secret(), delivery.id(),
                        delivery.event(), now, delivery.body()));
        var after = delivery.afterAttempt(result.statusCode(), result.error(), clock.now(), retries);
        transactions.inPlatformTransaction(() -> {
            deliveries.save(after);
            return null;
        });
    }
}
