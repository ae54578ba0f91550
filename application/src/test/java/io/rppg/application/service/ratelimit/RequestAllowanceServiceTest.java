package io.rppg.application.service.ratelimit;

import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryPlanPort;
import io.rppg.application.fakes.InMemoryRateLimitPort;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.CallerRequest;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.RequestAllowance;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestAllowanceServiceTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private final FixedClock clock = new FixedClock(START);
    private final InMemoryTenantPort tenants = new InMemoryTenantPort();
    private final InMemoryPlanPort plans = new InMemoryPlanPort();
    private final RequestAllowanceService service = new RequestAllowanceService(new InMemoryRateLimitPort(clock),
            tenants, plans, new DirectTransactions(), clock,
            new RequestAllowanceService.Settings(Duration.ofMinutes(1), 60, 1000, 2, Duration.ofSeconds(30)));

    @Test
    void aCallerGetsItsPlansRequestsPerMinuteAndIsLimitedUntilTheWindowEnds() {
        var tenant = tenantOnPlan(3);
        var key = new CallerRequest(Optional.of(tenant), "api-key:1");

        assertThat(service.consumeForCaller(key))
                .isEqualTo(new RequestAllowance.Allowed(3, 2, START.plusSeconds(60)));
        clock.advance(Duration.ofSeconds(10));
        service.consumeForCaller(key);
        service.consumeForCaller(key);

        var limited = service.consumeForCaller(key);
        assertThat(limited).isEqualTo(new RequestAllowance.Limited(3, Duration.ofSeconds(50), START.plusSeconds(60)));

        clock.advance(Duration.ofSeconds(50));
        assertThat(service.consumeForCaller(key)).isInstanceOf(RequestAllowance.Allowed.class);
    }

    @Test
    void eachCredentialHasItsOwnAllowance() {
        var tenant = tenantOnPlan(1);
        assertThat(service.consumeForCaller(new CallerRequest(Optional.of(tenant), "api-key:1")))
                .isInstanceOf(RequestAllowance.Allowed.class);
        assertThat(service.consumeForCaller(new CallerRequest(Optional.of(tenant), "user:1")))
                .isInstanceOf(RequestAllowance.Allowed.class);
        assertThat(service.consumeForCaller(new CallerRequest(Optional.of(tenant), "api-key:1")))
                .isInstanceOf(RequestAllowance.Limited.class);
    }

    @Test
    void aPlanIsRememberedBrieflyThenReadAgain() {
        var tenant = tenantOnPlan(5);
        var key = new CallerRequest(Optional.of(tenant), "api-key:1");
        assertThat(service.consumeForCaller(key).limit()).isEqualTo(5);

        var plan = plans.findById(tenants.findById(tenant).orElseThrow().planId()).orElseThrow();
        plans.save(new Plan(plan.id(), plan.name(), plan.monthlyScans(), 50, plan.maxOpenSessions(),
                plan.maxUploadMegabytes(), plan.retainVideo()));
        clock.advance(Duration.ofSeconds(29));
        assertThat(service.consumeForCaller(key).limit()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(2));
        var afterChange = service.consumeForCaller(key);
        assertThat(afterChange.limit()).isEqualTo(50);
        // A new limit is a new, full allowance.
        assertThat(afterChange).isInstanceOfSatisfying(RequestAllowance.Allowed.class,
                allowed -> assertThat(allowed.remaining()).isEqualTo(49));
    }

    @Test
    void platformAdministratorsHaveNoPlanAndGetThePlatformLimit() {
        var allowance = service.consumeForCaller(new CallerRequest(Optional.empty(), "user:admin"));
        assertThat(allowance.limit()).isEqualTo(1000);
    }

    @Test
    void loginsAreCountedPerAddress() {
        assertThat(service.consumeForLogin("10.0.0.1")).isInstanceOf(RequestAllowance.Allowed.class);
        assertThat(service.consumeForLogin("10.0.0.1")).isInstanceOf(RequestAllowance.Allowed.class);
        assertThat(service.consumeForLogin("10.0.0.1")).isInstanceOf(RequestAllowance.Limited.class);
        assertThat(service.consumeForLogin("10.0.0.2")).isInstanceOf(RequestAllowance.Allowed.class);
    }

    private TenantId tenantOnPlan(int requestsPerMinute) {
        var plan = plans.save(new Plan(new PlanId(UUID.randomUUID()), "plan", 100, requestsPerMinute, 10, 100, false));
        var tenant = Tenant.register(new TenantId(UUID.randomUUID()), "clinic", plan.id(), START);
        return tenants.save(tenant).id();
    }
}
