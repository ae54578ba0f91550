package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.ManagePlansUseCase;
import io.rppg.application.port.in.ManagePlansUseCase.NewPlan;
import io.rppg.domain.tenant.Plan;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static io.rppg.adapter.web.admin.AdminResponses.actor;
import static io.rppg.adapter.web.admin.AdminResponses.missingField;
import static io.rppg.adapter.web.admin.AdminResponses.unwrap;

/** Plans, for platform admins. */
@RestController
@RequestMapping("/api/v1/admin/plans")
class PlansAdminController {

    private final ManagePlansUseCase plans;

    PlansAdminController(ManagePlansUseCase plans) {
        this.plans = plans;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) PlanRequest request) {
        if (request == null) {
            throw missingField("name");
        }
        var plan = new NewPlan(request.name(),
                required(request.monthlyScans(), "monthly_scans"),
                request.requestsPerMinute() == null ? 60 : request.requestsPerMinute(),
                request.maxOpenSessions() == null ? 10 : request.maxOpenSessions(),
                request.maxUploadMb() == null ? Plan.UPLOAD_CEILING_MEGABYTES : request.maxUploadMb(),
                request.retainVideo() != null && request.retainVideo());
        if (plan.name() == null) {
            throw missingField("name");
        }
        return unwrap(plans.createPlan(actor(caller), plan), PlanView::of);
    }

    @GetMapping
    List<PlanView> list(@AuthenticationPrincipal Caller caller) {
        return unwrap(plans.listPlans(actor(caller)), all -> all.stream().map(PlanView::of).toList());
    }

    private static int required(Integer value, String field) {
        if (value == null) {
            throw missingField(field);
        }
        return value;
    }

    /** Omitted limits take the v1 document's defaults: 60 requests a minute, 10 open sessions, 100 MB. */
    record PlanRequest(String name, Integer monthlyScans, Integer requestsPerMinute, Integer maxOpenSessions,
                       Integer maxUploadMb, Boolean retainVideo) {
    }

    record PlanView(String id, String name, int monthlyScans, int requestsPerMinute, int maxOpenSessions,
                    int maxUploadMb, boolean retainVideo) {
        static PlanView of(Plan plan) {
            return new PlanView(plan.id().toString(), plan.name(), plan.monthlyScans(), plan.requestsPerMinute(),
                    plan.maxOpenSessions(), plan.maxUploadMegabytes(), plan.retainVideo());
        }
    }
}
