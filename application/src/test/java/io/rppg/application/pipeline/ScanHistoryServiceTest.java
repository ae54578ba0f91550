package io.rppg.application.pipeline;

import io.rppg.application.port.in.GetTenantUsageQuery.TenantUsage;
import io.rppg.application.port.in.ListScanSessionsQuery.Listing;
import io.rppg.application.port.in.ListScanSessionsQuery.Query;
import io.rppg.application.service.ScanHistoryService;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.vitals.AnalysisFailure;
import io.rppg.domain.vitals.FailureCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.rppg.application.pipeline.PipelineFixture.MONTHLY_SCANS;
import static io.rppg.application.pipeline.PipelineFixture.NOW;
import static io.rppg.application.pipeline.PipelineFixture.OTHER_TENANT;
import static io.rppg.application.pipeline.PipelineFixture.TENANT;
import static io.rppg.application.pipeline.PipelineFixture.VITALS;
import static org.assertj.core.api.Assertions.assertThat;

class ScanHistoryServiceTest {

    private final PipelineFixture world = new PipelineFixture();
    private final ScanHistoryService service = new ScanHistoryService(world.sessions, world.quotas, world.tenants,
            world.plans, world.transactions, world.clock);

    @Test
    void pagesWalkTheTenantsSessionsNewestFirstUntilTheLastPageHasNoCursor() {
        var created = openSessions(45, NOW.minus(Duration.ofHours(2)));
        world.pendingSession(OTHER_TENANT, NOW.minusSeconds(5));

        var seen = new ArrayList<ScanSession>();
        String cursor = null;
        var sizes = new ArrayList<Integer>();
        do {
            var page = page(new Query(TENANT, null, cursor, null));
            sizes.add(page.sessions().size());
            seen.addAll(page.sessions());
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);

        assertThat(sizes).containsExactly(20, 20, 5);
        var newestFirst = new ArrayList<>(created.stream().map(ScanSession::id).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).extracting(ScanSession::id).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void sessionsCreatedInTheSameMicrosecondAreNeitherLostNorRepeated() {
        var sameInstant = NOW.minusSeconds(10);
        for (int i = 0; i < 5; i++) {
            world.pendingSession(TENANT, sameInstant);
        }

        var first = page(new Query(TENANT, null, null, 2));
        var second = page(new Query(TENANT, null, first.nextCursor().orElseThrow(), 2));
        var third = page(new Query(TENANT, null, second.nextCursor().orElseThrow(), 2));

        var ids = new ArrayList<>(first.sessions());
        ids.addAll(second.sessions());
        ids.addAll(third.sessions());
        assertThat(ids).extracting(ScanSession::id).doesNotHaveDuplicates().hasSize(5);
        assertThat(third.nextCursor()).isEmpty();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastSessionHasNoCursor() {
        openSessions(20, NOW.minus(Duration.ofHours(1)));

        assertThat(page(new Query(TENANT, null, null, null)).nextCursor()).isEmpty();
    }

    @Test
    void theStatusFilterKeepsOnlySessionsInThatStatus() {
        var sessions = openSessions(4, NOW.minus(Duration.ofHours(1)));
        world.sessions.save(sessions.get(1).acceptVideo(NOW).complete(VITALS, NOW));
        world.sessions.save(sessions.get(3).acceptVideo(NOW)
                .fail(AnalysisFailure.of(FailureCode.NO_FACE_DETECTED), NOW));

        var completed = page(new Query(TENANT, ScanStatus.COMPLETED, null, null));

        assertThat(completed.sessions()).extracting(ScanSession::id).containsExactly(sessions.get(1).id());
    }

    @Test
    void pendingSessionsPastTheirLifetimeAreListedAsExpiredAndNotAsPending() {
        var old = openSessions(2, NOW.minus(ScanSession.LIFETIME).minusSeconds(60));
        var fresh = openSessions(1, NOW.minusSeconds(60));

        var pending = page(new Query(TENANT, ScanStatus.PENDING, null, null));
        var expired = page(new Query(TENANT, ScanStatus.EXPIRED, null, null));

        assertThat(pending.sessions()).extracting(ScanSession::id).containsExactly(fresh.get(0).id());
        assertThat(expired.sessions()).extracting(ScanSession::id)
                .containsExactlyInAnyOrder(old.get(0).id(), old.get(1).id());
    }

    @Test
    void aPageSizeAboveTheMaximumIsCappedAndAMaximumPageStillKnowsWhetherMoreFollow() {
        openSessions(101, NOW.minus(Duration.ofHours(3)));

        var first = page(new Query(TENANT, null, null, 500));
        var second = page(new Query(TENANT, null, first.nextCursor().orElseThrow(), 100));

        assertThat(first.sessions()).hasSize(100);
        assertThat(second.sessions()).hasSize(1);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void aMaximumPageThatEndsAtTheLastSessionHasNoCursor() {
        openSessions(100, NOW.minus(Duration.ofHours(3)));

        assertThat(page(new Query(TENANT, null, null, 100)).nextCursor()).isEmpty();
    }

    @Test
    void garbageCursorsAndPageSizesBelowOneAreInvalidRequests() {
        var garbage = List.of("not base64 !", Base64.getUrlEncoder().encodeToString("12|nope".getBytes()),
                Base64.getUrlEncoder().encodeToString("abc|sess_20260315100000_00000001".getBytes()),
                // Before 1970 or after 9999: an instant Java holds but PostgreSQL's timestamps do not.
                Base64.getUrlEncoder().encodeToString("-999999999999999999|sess_20260315100000_00000001".getBytes()),
                Base64.getUrlEncoder().encodeToString("999999999999999999|sess_20260315100000_00000001".getBytes()),
                "");
        for (var cursor : garbage.subList(0, garbage.size() - 1)) {
            assertThat(service.listScanSessions(new Query(TENANT, null, cursor, null)))
                    .as(cursor).isInstanceOf(Listing.InvalidRequest.class);
        }
        assertThat(service.listScanSessions(new Query(TENANT, null, null, 0)))
                .isInstanceOf(Listing.InvalidRequest.class);
        assertThat(service.listScanSessions(new Query(TENANT, null, "", null))).isInstanceOf(Listing.Page.class);
    }

    @Test
    void theCursorIsUrlSafe() {
        openSessions(3, NOW.minus(Duration.ofHours(1)));

        var cursor = page(new Query(TENANT, null, null, 1)).nextCursor().orElseThrow();

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void usageCountsThisUtcMonthOnly() {
        world.pendingSession(TENANT, Instant.parse("2026-02-28T23:59:59Z"));
        var sessions = openSessions(3, NOW.minus(Duration.ofHours(1)));
        world.sessions.save(sessions.get(0).acceptVideo(NOW).complete(VITALS, NOW));
        world.sessions.save(sessions.get(1).acceptVideo(NOW));

        TenantUsage usage = service.getTenantUsage(TENANT);

        assertThat(usage.periodStart()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(usage.periodEnd()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(usage.scansUsed()).isEqualTo(3);
        assertThat(usage.scansLimit()).isEqualTo(MONTHLY_SCANS);
        assertThat(usage.scansLeft()).isEqualTo(MONTHLY_SCANS - 3);
        assertThat(usage.sessionsByStatus()).containsEntry(ScanStatus.COMPLETED, 1L)
                .containsEntry(ScanStatus.PROCESSING, 1L).containsEntry(ScanStatus.PENDING, 1L)
                .containsEntry(ScanStatus.FAILED, 0L).containsEntry(ScanStatus.EXPIRED, 0L);
    }

    private Listing.Page page(Query query) {
        var listing = service.listScanSessions(query);
        assertThat(listing).isInstanceOf(Listing.Page.class);
        return (Listing.Page) listing;
    }

    /** Sessions one second apart, oldest first. */
    private List<ScanSession> openSessions(int count, Instant from) {
        var created = new ArrayList<ScanSession>();
        for (int i = 0; i < count; i++) {
            created.add(world.pendingSession(TENANT, from.plusSeconds(i)));
        }
        return created;
    }
}
