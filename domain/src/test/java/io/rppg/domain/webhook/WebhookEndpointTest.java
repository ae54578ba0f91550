package io.rppg.domain.webhook;

import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEndpointTest {

    @Test
    void itsTextShowsTheEndpointButNotTheSecret() {
        var secret = "whsec_" + UUID.randomUUID();
        var endpoint = new WebhookEndpoint(UUID.randomUUID(), new TenantId(UUID.randomUUID()),
                "https://clinic.example/hooks", Set.of(ScanEventType.values()[0]), secret,
                Instant.parse("2026-03-15T10:00:00Z"));

        assertThat(endpoint.toString()).contains("https://clinic.example/hooks").doesNotContain(secret);
    }
}
