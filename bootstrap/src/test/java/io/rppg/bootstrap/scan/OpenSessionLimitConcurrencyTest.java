package io.rppg.bootstrap.scan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan's {@code max_open_sessions} holds per key (as the v1 API documents, "10 concurrent sessions per key"), under
 * a burst as the monthly quota does, and one key's sessions never count against another key of the same tenant.
 */
class OpenSessionLimitConcurrencyTest extends ScanFlowTest {

    private static final int CALLERS = 30;
    private static final int MAX_OPEN_SESSIONS = 3;

    @Test
    void thirtyConcurrentSessionRequestsOnALimitOfThreeOpenSessionsGetExactlyThree() throws Exception {
        var tenant = api.createTenant(1000, MAX_OPEN_SESSIONS, 100);
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
            for (var answer : answers) {
                var response = answer.get(60, TimeUnit.SECONDS);
                if (response.status() == 201) {
                    created++;
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(429);
                    assertThat(response.text("code")).isEqualTo("TOO_MANY_OPEN_SESSIONS");
                }
            }
            assertThat(created).isEqualTo(MAX_OPEN_SESSIONS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachKeyOfATenantHasItsOwnLimitOfOpenSessions() {
        var tenant = api.createTenant(1000, 2, 100);
        var secondKey = ScanApi.expect(api.post("/api/v1/admin/tenants/" + tenant.id() + "/api-keys",
                tenant.adminToken(), ScanApi.body("name", "second desk")), 201).text("key");

        for (int i = 0; i < 2; i++) {
            ScanApi.expect(api.postEmpty("/api/v1/scan-session", tenant.apiKey()), 201);
        }
        var third = api.postEmpty("/api/v1/scan-session", tenant.apiKey());
        var otherKeysFirst = api.postEmpty("/api/v1/scan-session", secondKey);
        var otherKeysSecond = api.postEmpty("/api/v1/scan-session", secondKey);
        var otherKeysThird = api.postEmpty("/api/v1/scan-session", secondKey);

        assertThat(third.status()).as(third.toString()).isEqualTo(429);
        assertThat(third.json().path("max_open_sessions").asInt()).isEqualTo(2);
        assertThat(otherKeysFirst.status()).as(otherKeysFirst.toString()).isEqualTo(201);
        assertThat(otherKeysSecond.status()).isEqualTo(201);
        assertThat(otherKeysThird.status()).isEqualTo(429);
    }
}
