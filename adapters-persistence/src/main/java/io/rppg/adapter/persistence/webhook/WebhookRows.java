package io.rppg.adapter.persistence.webhook;

import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.webhook.DeliveryStatus;
import io.rppg.domain.webhook.ScanEventType;
import io.rppg.domain.webhook.WebhookDelivery;
import io.rppg.domain.webhook.WebhookEndpoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Rows of the webhook tables, read into the domain. */
final class WebhookRows {

    private WebhookRows() {
    }

    static String events(Set<ScanEventType> events) {
        return events.stream().map(ScanEventType::name).sorted().collect(Collectors.joining(","));
    }

    static WebhookEndpoint endpoint(ResultSet row, int number) throws SQLException {
        var events = Arrays.stream(row.getString("events").split(","))
                .map(ScanEventType::valueOf).collect(Collectors.toSet());
        return new WebhookEndpoint(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
                row.getString("url"), events, row.getString("secret"), row.getTimestamp("created_at").toInstant());
    }

    static WebhookDelivery delivery(ResultSet row, int number) throws SQLException {
        return new WebhookDelivery(row.getObject("id", UUID.class), new TenantId(row.getObject("tenant_id", UUID.class)),
                row.getObject("endpoint_id", UUID.class), ScanEventType.valueOf(row.getString("event")),
                row.getString("body"), DeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                row.getTimestamp("next_attempt_at").toInstant(), row.getInt("last_status_code"),
                row.getString("last_error"), row.getTimestamp("created_at").toInstant());
    }
}
