package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.ManageTenantDomainsUseCase;
import io.rppg.domain.tenant.HostName;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static io.rppg.adapter.web.admin.AdminResponses.actor;
import static io.rppg.adapter.web.admin.AdminResponses.missingField;
import static io.rppg.adapter.web.admin.AdminResponses.tenantId;
import static io.rppg.adapter.web.admin.AdminResponses.unwrap;

/** Custom host names for a tenant's Nervoscan scan URLs. */
@RestController
@RequestMapping("/api/v1/admin/tenants/{tenantId}/domains")
class TenantDomainsAdminController {

    private final ManageTenantDomainsUseCase domains;

    TenantDomainsAdminController(ManageTenantDomainsUseCase domains) {
        this.domains = domains;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DomainView register(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId,
                        @RequestBody(required = false) DomainRequest request) {
        if (request == null || request.hostName() == null) {
            throw missingField("host_name");
        }
        return unwrap(domains.registerDomain(actor(caller), tenantId(tenantId), request.hostName()),
                host -> new DomainView(host.value()));
    }

    @GetMapping
    List<DomainView> list(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId) {
        return unwrap(domains.listDomains(actor(caller), tenantId(tenantId)),
                hosts -> hosts.stream().map(HostName::value).map(DomainView::new).toList());
    }


    record DomainRequest(String hostName) {
    }

    record DomainView(String hostName) {
    }
}
