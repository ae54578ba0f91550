package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.GetTenantUsageQuery.TenantUsage;
import io.rppg.application.port.in.ViewTenantUsageQuery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static io.rppg.adapter.web.admin.AdminResponses.actor;
import static io.rppg.adapter.web.admin.AdminResponses.tenantId;
import static io.rppg.adapter.web.admin.AdminResponses.unwrap;

/** This month's scans against the plan, and the sessions by status. */
@RestController
class TenantUsageAdminController {

    private final ViewTenantUsageQuery usage;

    TenantUsageAdminController(ViewTenantUsageQuery usage) {
        this.usage = usage;
    }

    @GetMapping("/api/v1/admin/tenants/{tenantId}/usage")
    Map<String, Object> usage(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId) {
        return unwrap(usage.viewUsage(actor(caller), tenantId(tenantId)),
                TenantUsageAdminController::view);
    }

    private static Map<String, Object> view(TenantUsage usage) {
        var byStatus = new LinkedHashMap<String, Long>();
        usage.sessionsByStatus().forEach((status, count) -> byStatus.put(status.name().toLowerCase(Locale.ROOT), count));
        var body = new LinkedHashMap<String, Object>();
        body.put("period_start", usage.periodStart().toString());
        body.put("period_end", usage.periodEnd().toString());
        body.put("scans_used", usage.scansUsed());
        body.put("scans_limit", usage.scansLimit());
        body.put("scans_left", usage.scansLeft());
        body.put("sessions_by_status", byStatus);
        return body;
    }
}
