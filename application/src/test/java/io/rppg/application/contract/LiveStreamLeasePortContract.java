package io.rppg.application.contract;

import io.rppg.application.port.out.LiveStreamLeasePort;
import io.rppg.application.port.out.LiveStreamLeasePort.Lapsed;
import io.rppg.domain.live.StreamId;
import io.rppg.domain.session.ScanSessionId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leases of running live streams: a lease its node renews is never taken, one left silent is taken once,
 * whichever nodes look, and a released one is gone.
 */
public abstract class LiveStreamLeasePortContract extends PortContract {

    protected abstract LiveStreamLeasePort leases();

    @Test
    void aRenewedLeaseStaysAndASilentOneIsTakenOnceWithWhatItNamedAndAReleasedOneIsGone() {
        var tenant = newTenant();
        var now = now();
        var running = node();
        var stopped = node();
        var renewedSession = session(now);
        var silentSession = session(now);
        var endedSession = session(now);
        var silentStream = new StreamId("str_" + hex());
        withinTenant(tenant, () -> {
            leases().hold(tenant.id(), renewedSession, new StreamId("str_" + hex()), running, now.minusSeconds(600));
            leases().hold(tenant.id(), silentSession, silentStream, stopped, now.minusSeconds(600));
            leases().hold(tenant.id(), endedSession, new StreamId("str_" + hex()), stopped, now.minusSeconds(600));
        });
        assertThat(inPlatform(() -> leases().renew(running, now))).isOne();
        withinTenant(tenant, () -> leases().release(endedSession));

        var taken = takeAll(now.minusSeconds(300));
        assertThat(taken).contains(new Lapsed(tenant.id(), silentSession, silentStream, stopped,
                now.minusSeconds(600)));
        assertThat(taken).extracting(Lapsed::session).doesNotContain(renewedSession, endedSession);
        assertThat(takeAll(now.minusSeconds(300))).extracting(Lapsed::session).doesNotContain(silentSession);
        assertThat(inPlatform(() -> leases().renew(stopped, now))).isZero();
    }

    @Test
    void aLeaseBeingTakenIsSkippedByAnotherNodeLooking() throws Exception {
        var tenant = newTenant();
        var session = session(now());
        // Older than any other lease of these tests, so it is the first one taken.
        var longAgo = Instant.parse("2001-01-01T00:00:00Z");
        withinTenant(tenant, () -> leases().hold(tenant.id(), session, new StreamId("str_" + hex()), node(), longAgo));

        var takenFirst = new CountDownLatch(1);
        var lookedMeanwhile = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> inPlatform(() -> {
            var lapsed = leases().takeLapsed(longAgo.plusSeconds(1));
            takenFirst.countDown();
            try {
                lookedMeanwhile.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return lapsed;
        }));
        assertThat(takenFirst.await(10, TimeUnit.SECONDS)).isTrue();
        long looking = System.nanoTime();
        Optional<Lapsed> second = inPlatform(() -> leases().takeLapsed(longAgo.plusSeconds(1)));
        // Skipped, not waited for: the first taker holds its lease for up to 10 s.
        double lookedSeconds = (System.nanoTime() - looking) / 1e9;
        lookedMeanwhile.countDown();
        assertThat(lookedSeconds).isLessThan(5);

        assertThat(first.get(10, TimeUnit.SECONDS)).map(Lapsed::session).contains(session);
        assertThat(second).isEmpty();
    }

    private List<Lapsed> takeAll(Instant renewedBefore) {
        var taken = new ArrayList<Lapsed>();
        Optional<Lapsed> next;
        while ((next = inPlatform(() -> leases().takeLapsed(renewedBefore))).isPresent()) {
            taken.add(next.get());
        }
        return taken;
    }

    private static ScanSessionId session(Instant now) {
        return ScanSessionId.issue(now, hex());
    }

    private static String node() {
        return "node_" + hex();
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
