package io.rppg.bootstrap.scan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's limit of open sessions per key holds under a burst, as the monthly quota does. */
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
}
