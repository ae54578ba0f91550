package io.rppg.application.service.admin;

import io.rppg.application.fakes.DirectTransactions;
import io.rppg.application.fakes.FixedClock;
import io.rppg.application.fakes.InMemoryTenantDomainPort;
import io.rppg.application.fakes.InMemoryTenantPort;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.domain.tenant.HostName;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.rppg.application.fakes.Actors.adminOf;
import static io.rppg.application.fakes.Actors.memberOf;
import static io.rppg.application.fakes.Actors.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;

class TenantDomainServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final HostName DEFAULT_HOST = new HostName("scan.rppg.example");

    private final InMemoryTenantDomainPort domains = new InMemoryTenantDomainPort();
    private final InMemoryTenantPort tenants = new InMemoryTenantPort();
    private final DirectTransactions transactions = new DirectTransactions();
    private final TenantDomainService service = new TenantDomainService(domains, tenants, transactions,
            new FixedClock(NOW), DEFAULT_HOST);

    private final Tenant clinic = tenant("Clinic");
    private final Tenant insurer = tenant("Insurer");

    private Tenant tenant(String name) {
        return tenants.save(Tenant.register(new TenantId(UUID.randomUUID()), name, new PlanId(UUID.randomUUID()), NOW));
    }

    @Test
    void aTenantAdminRegistersAHostNameAsTypedTrimmedAndLowerCased() {
        var outcome = service.registerDomain(adminOf(clinic.id()), clinic.id(), " Scan.Clinic.Example ");

        var host = new HostName("scan.clinic.example");
        assertThat(outcome).isEqualTo(AdminOutcome.done(host));
        assertThat(domains.ownerOf(host)).contains(clinic.id());
        assertThat(service.mayUseHost(clinic.id(), host)).isTrue();
        assertThat(transactions.platformTransactions()).as("the owner is looked up across tenants").isEqualTo(1);
    }

    /** What a malformed host and another tenant's host are both answered with, so that neither reveals the other. */
    private static final AdminOutcome<HostName> UNUSABLE_HOST = new AdminOutcome.Invalid<>("host_name",
            "host_name must be a DNS name such as scan.example.com that is not in use");

    @Test
    void whatIsNoHostNameIsInvalid() {
        assertThat(service.registerDomain(adminOf(clinic.id()), clinic.id(), "not a host")).isEqualTo(UNUSABLE_HOST);
        assertThat(service.registerDomain(adminOf(clinic.id()), clinic.id(), null))
                .isInstanceOf(AdminOutcome.Invalid.class);
        assertThat(domains.findByTenant(clinic.id())).isEmpty();
    }

    @Test
    void theDefaultHostIsNoTenantsToTake() {
        assertThat(service.registerDomain(adminOf(clinic.id()), clinic.id(), "SCAN.rppg.example"))
                .isEqualTo(new AdminOutcome.Conflict<>("HOST_NAME_TAKEN", "the default host serves every tenant already"));
        assertThat(domains.ownerOf(DEFAULT_HOST)).isEmpty();
    }

    @Test
    void aHostNameOfAnotherTenantIsRefusedAsAMalformedOneIsButTheOwnerMayRegisterItAgain() {
        service.registerDomain(adminOf(insurer.id()), insurer.id(), "scan.insurer.example");

        assertThat(service.registerDomain(adminOf(clinic.id()), clinic.id(), "scan.insurer.example"))
                .isEqualTo(UNUSABLE_HOST);
        assertThat(service.registerDomain(adminOf(insurer.id()), insurer.id(), "scan.insurer.example"))
                .isEqualTo(AdminOutcome.done(new HostName("scan.insurer.example")));
        assertThat(domains.findByTenant(insurer.id())).containsExactly(new HostName("scan.insurer.example"));
        assertThat(domains.findByTenant(clinic.id())).isEmpty();
    }

    @Test
    void anUnknownTenantIsNotFoundEvenForAPlatformAdmin() {
        var unknown = new TenantId(UUID.randomUUID());

        assertThat(service.registerDomain(platformAdmin(), unknown, "scan.nobody.example"))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(domains.ownerOf(new HostName("scan.nobody.example"))).isEmpty();
    }

    @Test
    void membersAreForbiddenAndAnotherTenantLooksMissing() {
        assertThat(service.registerDomain(memberOf(clinic.id()), clinic.id(), "scan.clinic.example"))
                .isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(service.listDomains(memberOf(clinic.id()), clinic.id())).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(service.registerDomain(adminOf(clinic.id()), insurer.id(), "scan.clinic.example"))
                .isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(service.listDomains(adminOf(clinic.id()), insurer.id())).isEqualTo(new AdminOutcome.NotFound<>("tenant"));
        assertThat(domains.ownerOf(new HostName("scan.clinic.example"))).isEmpty();
    }

    @Test
    void aTenantsHostNamesAreListedInItsOwnTransaction() {
        service.registerDomain(platformAdmin(), clinic.id(), "b.clinic.example");
        service.registerDomain(platformAdmin(), clinic.id(), "a.clinic.example");
        service.registerDomain(platformAdmin(), insurer.id(), "scan.insurer.example");

        var listed = service.listDomains(adminOf(clinic.id()), clinic.id());

        assertThat(listed).isEqualTo(AdminOutcome.done(
                List.of(new HostName("a.clinic.example"), new HostName("b.clinic.example"))));
        assertThat(transactions.tenantTransactions()).containsExactly(clinic.id());
    }

    @Test
    void aTenantMayUseTheDefaultHostAndItsOwnHostNamesOnly() {
        service.registerDomain(platformAdmin(), insurer.id(), "scan.insurer.example");
        service.registerDomain(platformAdmin(), clinic.id(), "scan.clinic.example");

        assertThat(service.mayUseHost(clinic.id(), DEFAULT_HOST)).isTrue();
        assertThat(service.mayUseHost(clinic.id(), new HostName("scan.clinic.example"))).isTrue();
        assertThat(service.mayUseHost(clinic.id(), new HostName("scan.insurer.example"))).isFalse();
        assertThat(service.mayUseHost(clinic.id(), new HostName("scan.unknown.example"))).isFalse();
    }
}
