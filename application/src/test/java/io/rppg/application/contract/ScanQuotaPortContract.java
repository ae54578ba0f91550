package io.rppg.application.contract;

import io.rppg.application.port.out.ScanAdmissionPort;
import io.rppg.application.port.out.ScanQuotaPort;
import io.rppg.domain.quota.ScanQuota;
import io.rppg.domain.quota.UsagePeriod;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.SessionOwner;
import io.rppg.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans counted per tenant and period, as sessions let in charged them ({@link ScanAdmissionPortContract} holds the
 * charging to the plan), and given back without ever going below zero.
 */
public abstract class ScanQuotaPortContract extends PortContract {

    protected abstract ScanQuotaPort quotas();

    /** How scans are charged: by letting sessions in. */
    protected abstract ScanAdmissionPort admissions();

    @Test
    void theUsageOfAPeriodSaysWhatWasChargedAndWhatIsLeftOfThePlan() {
        var tenant = tenancy().newTenant(10);
        var period = UsagePeriod.monthOf(now());
        charge(tenant, period);
        charge(tenant, period);

        assertThat(usage(tenant, period, 10)).isEqualTo(new ScanQuota(period, 10, 2));
        assertThat(usage(tenant, period, 10).left()).isEqualTo(8);
    }

    @Test
    void anUnusedPeriodHasUsedNothing() {
        var tenant = newTenant();
        var period = UsagePeriod.monthOf(now());

        assertThat(usage(tenant, period, 10)).isEqualTo(new ScanQuota(period, 10, 0));
    }

    @Test
    void aGivenBackScanCanBeSpentAgainButUsageNeverGoesNegative() {
        var tenant = tenancy().newTenant(1);
        var period = UsagePeriod.monthOf(now());
        charge(tenant, period);

        withinTenant(tenant, () -> quotas().giveBackOne(tenant.id(), period));
        withinTenant(tenant, () -> quotas().giveBackOne(tenant.id(), period));

        assertThat(usage(tenant, period, 1).used()).isZero();
        assertThat(charge(tenant, period)).isInstanceOf(ScanAdmissionPort.Admission.Admitted.class);
        assertThat(usage(tenant, period, 1).used()).isEqualTo(1);
    }

    @Test
    void givingBackInAnUnusedPeriodLeavesItAtZero() {
        var tenant = newTenant();
        var period = UsagePeriod.monthOf(now());

        withinTenant(tenant, () -> quotas().giveBackOne(tenant.id(), period));

        assertThat(usage(tenant, period, 10).used()).isZero();
    }

    @Test
    void periodsAndTenantsAreCountedApart() {
        var tenant = tenancy().newTenant(10);
        var other = tenancy().newTenant(10);
        var thisMonth = UsagePeriod.monthOf(now());
        var nextMonth = UsagePeriod.monthOf(thisMonth.end());
        charge(tenant, thisMonth);

        assertThat(usage(tenant, nextMonth, 10).used()).isZero();
        assertThat(usage(other, thisMonth, 10).used()).isZero();
    }

    private ScanAdmissionPort.Admission charge(Tenant tenant, UsagePeriod period) {
        var opened = ScanSession.open(
                ScanSessionId.issue(period.start(), UUID.randomUUID().toString().replace("-", "").substring(0, 16)),
                tenant.id(), new SessionOwner("key_" + UUID.randomUUID()), now());
        return admissions().admit(opened, period);
    }

    private ScanQuota usage(Tenant tenant, UsagePeriod period, int monthlyScans) {
        return inTenant(tenant, () -> quotas().usage(tenant.id(), period, monthlyScans));
    }
}
