package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.ManageTenantsUseCase;
import io.rppg.application.port.in.ManageTenantsUseCase.TenantChange;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static io.rppg.adapter.web.admin.AdminResponses.actor;
import static io.rppg.adapter.web.admin.AdminResponses.missingField;
import static io.rppg.adapter.web.admin.AdminResponses.tenantId;
import static io.rppg.adapter.web.admin.AdminResponses.unwrap;

/** Tenants: registered, moved between plans, suspended and reactivated by platform admins. */
@RestController
@RequestMapping("/api/v1/admin/tenants")
class TenantsAdminController {

    private final ManageTenantsUseCase tenants;

    TenantsAdminController(ManageTenantsUseCase tenants) {
        this.tenants = tenants;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TenantView create(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) TenantRequest request) {
        if (request == null || request.name() == null) {
            throw missingField("name");
        }
        if (request.planId() == null) {
            throw missingField("plan_id");
        }
        return unwrap(tenants.createTenant(actor(caller), request.name(), planId(request.planId())), TenantView::of);
    }

    @GetMapping
    List<TenantView> list(@AuthenticationPrincipal Caller caller) {
        return unwrap(tenants.listTenants(actor(caller)), all -> all.stream().map(TenantView::of).toList());
    }

    @GetMapping("/{tenantId}")
    TenantView get(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId) {
        return unwrap(tenants.getTenant(actor(caller), tenantId(tenantId)), TenantView::of);
    }

    @PatchMapping("/{tenantId}")
    TenantView change(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId,
                      @RequestBody(required = false) TenantPatch patch) {
        if (patch == null || (patch.planId() == null && patch.status() == null)) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                    "send plan_id or status").withDetail("field", "plan_id"));
        }
        var change = new TenantChange(Optional.ofNullable(patch.planId()).map(TenantsAdminController::planId),
                Optional.ofNullable(patch.status()).map(TenantsAdminController::status));
        return unwrap(tenants.changeTenant(actor(caller), tenantId(tenantId), change),
                TenantView::of);
    }

    private static PlanId planId(String text) {
        try {
            return new PlanId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                    "plan_id is not a plan id").withDetail("field", "plan_id"));
        }
    }

    private static TenantStatus status(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "active" -> TenantStatus.ACTIVE;
            case "suspended" -> TenantStatus.SUSPENDED;
            default -> throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                    "status must be active or suspended").withDetail("field", "status"));
        };
    }

    record TenantRequest(String name, String planId) {
    }

    record TenantPatch(String planId, String status) {
    }

    record TenantView(String id, String name, String planId, String status, String createdAt) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id().toString(), tenant.name(), tenant.planId().toString(),
                    tenant.status().name().toLowerCase(Locale.ROOT), tenant.createdAt().toString());
        }
    }
}
