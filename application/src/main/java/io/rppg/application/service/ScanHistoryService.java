package io.rppg.application.service;

import io.rppg.application.port.in.GetTenantUsageQuery;
import io.rppg.application.port.in.ListScanSessionsQuery;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.ScanSessionPort.Cursor;
import io.rppg.application.port.out.ScanSessionPort.ScanSessionPage;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/** What a tenant has done: its sessions page by page, and its usage of the plan this month. */
public final class ScanHistoryService implements ListScanSessionsQuery, GetTenantUsageQuery {

    private final ScanSessionPort sessions;
    private final ScanQuotaPort quotas;
    private final TenantPlans tenantPlans;
    private final TransactionPort transactions;
    private final ClockPort clock;

    public ScanHistoryService(ScanSessionPort sessions, ScanQuotaPort quotas, TenantPort tenants, PlanPort plans,
                              TransactionPort transactions, ClockPort clock) {
        this.sessions = sessions;
        this.quotas = quotas;
        this.tenantPlans = new TenantPlans(tenants, plans);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Listing listScanSessions(Query query) {
        int pageSize = query.pageSize() == null ? DEFAULT_PAGE_SIZE : Math.min(query.pageSize(), MAX_PAGE_SIZE);
        if (pageSize < 1) {
            return new Listing.InvalidRequest("page size must be at least 1");
        }
        Cursor before = null;
        if (query.cursor() != null && !query.cursor().isBlank()) {
            var decoded = ScanCursor.decode(query.cursor());
            if (decoded.isEmpty()) {
                return new Listing.InvalidRequest("the cursor is not valid");
            }
            before = decoded.get();
        }
        var after = before;
        return transactions.inTenantTransaction(query.tenant(), () -> {
            var now = clock.now();
            // One more than asked tells whether another page follows, without an extra count.
            List<ScanSession> rows = new ArrayList<>(sessions.findPage(query.tenant(),
                    new ScanSessionPage(query.status(), now, after, Math.min(pageSize + 1, MAX_PAGE_SIZE))));
            boolean more;
            if (rows.size() > pageSize) {
                more = true;
                rows = rows.subList(0, pageSize);
            } else if (rows.size() == MAX_PAGE_SIZE) {
                var last = rows.get(rows.size() - 1);
                more = !sessions.findPage(query.tenant(), new ScanSessionPage(query.status(), now,
                        new Cursor(last.createdAt(), last.id()), 1)).isEmpty();
            } else {
                more = false;
            }
            Optional<String> next = Optional.empty();
            if (more) {
                var last = rows.get(rows.size() - 1);
                next = Optional.of(ScanCursor.encode(new Cursor(last.createdAt(), last.id())));
            }
            return new Listing.Page(List.copyOf(rows), next, now);
        });
    }

    @Override
    public TenantUsage getTenantUsage(TenantId tenant) {
        return transactions.inTenantTransaction(tenant, () -> {
            var now = clock.now();
            var period = UsagePeriod.monthOf(now);
            var plan = tenantPlans.planOf(tenant);
            var quota = quotas.usage(tenant, period, plan.monthlyScans());
            var byStatus = new EnumMap<ScanStatus, Long>(ScanStatus.class);
            for (var status : ScanStatus.values()) {
                byStatus.put(status, 0L);
            }
            byStatus.putAll(sessions.countByStatus(tenant, period.start(), period.end(), now));
            return new TenantUsage(period.start(), period.end(), quota.used(), quota.monthlyScans(), quota.left(),
                    Collections.unmodifiableMap(byStatus));
        });
    }
}
