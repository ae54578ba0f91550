package io.rppg.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HealthEndpointTest extends PlatformTest {

    @Test
    void healthAnswersAsTheV1DocumentShows() {
        var response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"status\":\"ok\"").contains("\"service\":\"rppg-backend\"");
        var timestamp = response.body().replaceAll(".*\"timestamp\":\"([^\"]+)\".*", "$1");
        assertThat(Duration.between(Instant.parse(timestamp), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void readinessProbeIncludesTheDatabase() {
        var response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"db\":{\"status\":\"UP\"").contains("\"status\":\"UP\"");
    }

    @Test
    void livenessProbeAnswers() {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void everythingElseNeedsCredentials() {
        assertThat(get("/api/v1/scan-session/sess_20250101000000_abcdefgh/vitals").statusCode()).isEqualTo(401);
    }
}
