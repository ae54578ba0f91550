package io.rppg.application.service;

import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.IdGeneratorPort;
import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TenantPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.quota.ScanAllowance;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.TenantId;

import java.util.Optional;

/** Opens scan sessions against the plan's limits and reads them back. */
public final class ScanSessionService implements CreateScanSessionUseCase, GetScanSessionQuery {

    private final ScanSessionPort sessions;
    private final ScanQuotaPort quotas;
    private final TenantPlans tenantPlans;
    private final TransactionPort transactions;
    private final ClockPort clock;
    private final IdGeneratorPort ids;

    public ScanSessionService(ScanSessionPort sessions, ScanQuotaPort quotas, TenantPort tenants, PlanPort plans,
                              TransactionPort transactions, ClockPort clock, IdGeneratorPort ids) {
        this.sessions = sessions;
        this.quotas = quotas;
        this.tenantPlans = new TenantPlans(tenants, plans);
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public SessionCreation createScanSession(Command command) {
        return transactions.inTenantTransaction(command.tenant(), () -> {
            var now = clock.now();
            var plan = tenantPlans.planOf(command.tenant());
            if (sessions.countOpen(command.tenant(), command.owner(), now) >= plan.maxOpenSessions()) {
                return new SessionCreation.TooManyOpenSessions(plan.maxOpenSessions());
            }
            return switch (quotas.consumeOne(command.tenant(), UsagePeriod.monthOf(now), plan.monthlyScans())) {
                case ScanAllowance.NoScansAvailable(var monthlyScans, var renewsAt) ->
                        new SessionCreation.NoScansAvailable(monthlyScans, renewsAt);
                case ScanAllowance.Granted granted -> new SessionCreation.Created(sessions.add(
                        ScanSession.open(ids.newScanSessionId(now), command.tenant(), command.owner(), now)));
            };
        });
    }

    /** One read, which needs no transaction: the session port scopes a read outside one to the tenant itself. */
    @Override
    public Optional<ScanSession> getScanSession(TenantId tenant, ScanSessionId id) {
        var now = clock.now();
        return sessions.findById(tenant, id).filter(session -> !session.isExpiredAt(now));
    }
}
