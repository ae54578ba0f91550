package io.rppg.application.service.webhook;

import io.rppg.application.port.in.RecordScanEventUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.WebhookDeliveryPort;
import io.rppg.application.port.out.WebhookEndpointPort;
import io.rppg.application.port.in.VitalsReport;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a scan's change of status into deliveries for every endpoint of its tenant that wants to hear about it.
 * Call it inside the transaction that changes the session: the deliveries are stored if and only if the change is.
 */
public final class ScanEventNotifier implements RecordScanEventUseCase {

    private final WebhookEndpointPort endpoints;
    private final WebhookDeliveryPort deliveries;
    private final ClockPort clock;
    private final IdGeneratorPort ids;

    public ScanEventNotifier(WebhookEndpointPort endpoints, WebhookDeliveryPort deliveries, ClockPort clock,
                             IdGeneratorPort ids) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void scanChanged(ScanSession session) {
        var event = eventFor(session);
        if (event.isEmpty()) {
            return;
        }
        var now = clock.now();
        for (var endpoint : endpoints.findByTenant(session.tenantId())) {
            if (endpoint.wants(event.get())) {
                var id = ids.newUuid();
                var body = deliveries.serialize(payload(id.toString(), event.get(), session, now.toString()));
                deliveries.save(WebhookDelivery.create(id, session.tenantId(), endpoint.id(), event.get(), body, now));
            }
        }
    }

    static Optional<ScanEventType> eventFor(ScanSession session) {
        return switch (session.status()) {
            case PROCESSING -> Optional.of(ScanEventType.SCAN_PROCESSING);
            case COMPLETED -> Optional.of(ScanEventType.SCAN_COMPLETED);
            case FAILED -> Optional.of(ScanEventType.SCAN_FAILED);
            default -> Optional.empty();
        };
    }

    static Map<String, Object> payload(String deliveryId, ScanEventType event, ScanSession session, String now) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", deliveryId);
        body.put("event", event.wireName());
        body.put("created_at", now);
        body.put("session_id", session.id().value());
        body.put("status", session.status().name().toLowerCase(Locale.ROOT));
        if (session.vitals() != null) {
            body.put("vitals", VitalsReport.of(session));
        }
        if (session.failure() != null) {
            body.put("error", session.failure().message());
            body.put("error_code", session.failure().code().name());
        }
        return body;
    }
}
