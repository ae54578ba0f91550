package io.rppg.adapter.persistence.session;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.ScanSessionPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresAdapters
class JpaScanSessionAdapterTest extends ScanSessionPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private ScanSessionPort sessions;

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected ScanSessionPort sessions() {
        return sessions;
    }

    /** Only a database can make one transaction wait for another: what lets exactly one of racing uploads win. */
    @Test
    void aSessionReadForUpdateWaitsForTheTransactionHoldingItAndThenSeesItsChange() throws Exception {
        var tenant = newTenant();
        var now = now();
        var session = save(tenant, ScanSession.open(newId(now), tenant.id(), OWNER, now));
        var locked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> inTenant(tenant, () -> {
                var found = sessions.findByIdForUpdate(tenant.id(), session.id()).orElseThrow();
                locked.countDown();
                awaitQuietly(release);
                return sessions.save(found.acceptVideo(now));
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            var second = pool.submit(() -> inTenant(tenant,
                    () -> sessions.findByIdForUpdate(tenant.id(), session.id()).orElseThrow().status()));
            Thread.sleep(500);

            assertThat(second.isDone()).as("the second reader waits for the first").isFalse();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(ScanStatus.PROCESSING);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
