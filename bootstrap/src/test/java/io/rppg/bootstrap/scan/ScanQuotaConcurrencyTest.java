package io.rppg.bootstrap.scan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.rppg.bootstrap.scan.ScanApi.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** The monthly quota holds under a burst: no scan is given out twice, none is lost. */
class ScanQuotaConcurrencyTest extends ScanFlowTest {

    private static final int CALLERS = 50;
    private static final int MONTHLY_SCANS = 10;

    @Test
    void fiftyConcurrentSessionRequestsOnAPlanOfTenGetExactlyTenSessions() throws Exception {
        var tenant = api.createTenant(MONTHLY_SCANS, 100, 100);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(CALLERS);
        var answers = new ArrayList<Future<ScanApi.Response>>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.postEmpty("/api/v1/scan-session", tenant.apiKey());
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            var ids = new java.util.HashSet<String>();
            for (var answer : answers) {
                var response = answer.get(60, TimeUnit.SECONDS);
                if (response.status() == 201) {
                    created++;
                    ids.add(response.text("session_id"));
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(402);
                    assertThat(response.text("code")).isEqualTo("NO_SCANS_AVAILABLE");
                    assertThat(response.text("detail")).isNotBlank();
                    assertThat(response.json().path("monthly_scans").asInt()).isEqualTo(MONTHLY_SCANS);
                    refused++;
                }
            }
            assertThat(created).isEqualTo(MONTHLY_SCANS);
            assertThat(refused).isEqualTo(CALLERS - MONTHLY_SCANS);
            assertThat(ids).hasSize(MONTHLY_SCANS);
        } finally {
            pool.shutdownNow();
        }
        var usage = expect(api.get("/api/v1/admin/tenants/" + tenant.id() + "/usage", tenant.adminToken()), 200);
        assertThat(usage.json().path("scans_used").asInt()).isEqualTo(MONTHLY_SCANS);
        assertThat(usage.json().path("scans_left").asInt()).isZero();
        assertThat(api.postEmpty("/api/v1/scan-session", tenant.apiKey()).status()).isEqualTo(402);
    }
}
