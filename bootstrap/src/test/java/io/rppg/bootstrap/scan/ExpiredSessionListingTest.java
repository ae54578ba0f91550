package io.rppg.bootstrap.scan;

import io.rppg.application.port.out.TransactionPort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/scan-sessions?status=} tells pending sessions from those that expired waiting for a video. */
class ExpiredSessionListingTest extends ScanFlowTest {

    @Autowired
    private TransactionPort transactions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aSessionPastItsLifetimeIsListedAsExpiredAndNoLongerAsPending() {
        var tenant = api.createTenant();
        var key = tenant.apiKey();
        var old = openV1Session(key);
        var fresh = openV1Session(key);
        openedADayAgo(tenant.id(), old);

        var expired = expect(api.get("/api/v1/scan-sessions?status=expired", key), 200).json().path("sessions");
        var pending = expect(api.get("/api/v1/scan-sessions?status=pending", key), 200).json().path("sessions");
        var all = expect(api.get("/api/v1/scan-sessions", key), 200).json().path("sessions");

        assertThat(ScanApi.texts(expired, "session_id")).containsExactly(old);
        assertThat(ScanApi.texts(expired, "status")).containsExactly("expired");
        assertThat(ScanApi.texts(pending, "session_id")).containsExactly(fresh);
        assertThat(ScanApi.texts(all, "status")).containsExactly("pending", "expired");
        assertThat(api.get("/api/v1/scan-sessions?status=gone", key).status()).isEqualTo(400);
    }

    /** Moves the session a day and an hour into the past, as if it had been opened then. */
    private void openedADayAgo(String tenantId, String sessionId) {
        int moved = transactions.inPlatformTransaction(() -> jdbc.update("""
                        UPDATE scan_sessions SET created_at = created_at - interval '25 hours',
                                                 expires_at = expires_at - interval '25 hours'
                        WHERE tenant_id = ? AND id = ?""",
                UUID.fromString(tenantId), sessionId));
        assertThat(moved).isEqualTo(1);
    }
}
