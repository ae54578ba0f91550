package io.rppg.adapter.web.health;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The v1 API's health check, answered exactly as its document shows. Orchestrators should use the Actuator
 * probes instead ({@code /actuator/health/liveness} and {@code /actuator/health/readiness}), which include the
 * database.
 */
@RestController
class HealthController {

    static final String SERVICE = "rppg-backend";

    @GetMapping("/health")
    HealthResponse health() {
        return new HealthResponse("ok", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), SERVICE);
    }

    record HealthResponse(String status, String timestamp, String service) {
    }
}
