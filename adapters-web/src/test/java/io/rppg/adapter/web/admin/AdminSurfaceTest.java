package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.WebSliceTest;
import io.rppg.application.port.in.AdminOutcome;
import io.rppg.application.port.in.ManagePlansUseCase.NewPlan;
import io.rppg.application.port.in.ManageTenantsUseCase.TenantChange;
import io.rppg.application.port.in.ManageUsersUseCase.NewUser;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.PlanId;
import io.rppg.domain.tenant.Tenant;
import io.rppg.domain.tenant.TenantId;
import io.rppg.domain.tenant.TenantStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin API: each administrative outcome in the v1 problem shape, and who reaches the controllers at all. */
class AdminSurfaceTest extends WebSliceTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String PROBLEM_JSON = "application/problem+json";

    private final TenantId tenantId = newTenantId();
    private final Tenant tenant = new Tenant(tenantId, "Clinic", new PlanId(UUID.randomUUID()), TenantStatus.ACTIVE, NOW);
    private String platformAdmin;

    @BeforeEach
    void signInAsPlatformAdmin() {
        platformAdmin = accessTokenOf(user(Role.PLATFORM_ADMIN, Optional.empty()));
    }

    private ResultActions getTenant(AdminOutcome<Tenant> outcome) throws Exception {
        when(tenants.getTenant(any(), eq(tenantId))).thenReturn(outcome);
        return mvc.perform(get("/api/v1/admin/tenants/" + tenantId).header(AUTHORIZATION, platformAdmin));
    }

    private static void refusedWith(ResultActions response, int status, String code, String detail) throws Exception {
        response.andExpect(status().is(status))
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.request_id").isNotEmpty());
    }

    @Test
    void aDoneOutcomeIsTheViewOfItsValue() throws Exception {
        getTenant(AdminOutcome.done(tenant))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(tenantId.toString()))
                .andExpect(jsonPath("$.name").value("Clinic"))
                .andExpect(jsonPath("$.plan_id").value(tenant.planId().toString()))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.created_at").value("2026-03-15T10:00:00Z"));
    }

    @Test
    void eachRefusalOutcomeHasItsStatusCodeAndDetail() throws Exception {
        refusedWith(getTenant(new AdminOutcome.Forbidden<>("members do not administer tenants")), 403, "FORBIDDEN",
                "members do not administer tenants");
        refusedWith(getTenant(new AdminOutcome.NotFound<>("tenant")), 404, "NOT_FOUND", "tenant not found");
        refusedWith(getTenant(new AdminOutcome.Conflict<>("NAME_TAKEN", "the name is taken")), 409, "NAME_TAKEN",
                "the name is taken");
        var invalid = getTenant(new AdminOutcome.Invalid<>("plan_id", "no plan has that id"));
        refusedWith(invalid, 400, "VALIDATION_ERROR", "no plan has that id");
        invalid.andExpect(jsonPath("$.field").value("plan_id"));
    }

    @Test
    void aMalformedTenantIdIsAnUnknownTenant() throws Exception {
        refusedWith(mvc.perform(get("/api/v1/admin/tenants/not-a-uuid").header(AUTHORIZATION, platformAdmin)),
                404, "NOT_FOUND", "tenant not found");
        verify(tenants, never()).getTenant(any(), any());
    }

    @Test
    void aTakenPlanNameIsAConflict() throws Exception {
        when(plans.createPlan(any(), eq(new NewPlan("Basic", 100, 60, 10, 100, false))))
                .thenReturn(new AdminOutcome.Conflict<>("PLAN_NAME_TAKEN", "a plan named 'Basic' exists"));

        refusedWith(mvc.perform(post("/api/v1/admin/plans").header(AUTHORIZATION, platformAdmin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Basic\",\"monthly_scans\":100}")),
                409, "PLAN_NAME_TAKEN", "a plan named 'Basic' exists");
    }

    @Test
    void missingOrMalformedFieldsAreRefusedBeforeTheUseCase() throws Exception {
        var create = mvc.perform(post("/api/v1/admin/tenants").header(AUTHORIZATION, platformAdmin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"plan_id\":\"" + UUID.randomUUID() + "\"}"));
        refusedWith(create, 400, "VALIDATION_ERROR", "name is required");
        create.andExpect(jsonPath("$.field").value("name"));
        var change = mvc.perform(patch("/api/v1/admin/tenants/" + tenantId).header(AUTHORIZATION, platformAdmin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"paused\"}"));
        refusedWith(change, 400, "VALIDATION_ERROR", "status must be active or suspended");
        change.andExpect(jsonPath("$.field").value("status"));
        var plan = mvc.perform(post("/api/v1/admin/plans").header(AUTHORIZATION, platformAdmin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Basic\"}"));
        refusedWith(plan, 400, "VALIDATION_ERROR", "monthly_scans is required");
        verify(tenants, never()).createTenant(any(), any(), any());
        verify(tenants, never()).changeTenant(any(), any(), any());
        verify(plans, never()).createPlan(any(), any());
    }

    @Test
    void aStatusChangeReachesTheUseCaseAsTheDomainsStatus() throws Exception {
        when(tenants.changeTenant(any(), eq(tenantId),
                eq(new TenantChange(Optional.empty(), Optional.of(TenantStatus.SUSPENDED)))))
                .thenReturn(AdminOutcome.done(tenant.suspend()));

        mvc.perform(patch("/api/v1/admin/tenants/" + tenantId).header(AUTHORIZATION, platformAdmin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"Suspended\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("suspended"));
    }

    @Test
    void aCreatedUserIsShownWithoutItsPassword() throws Exception {
        var admin = accessTokenOf(user(Role.TENANT_ADMIN, Optional.of(tenantId)));
        var jane = new User(new UserId(UUID.randomUUID()), Optional.of(tenantId), "jane", "jane@clinic.example",
                "$2a$12$hash", Role.MEMBER, NOW);
        when(users.createUser(any(), eq(tenantId), eq(new NewUser("jane", "jane@clinic.example", "a long password",
                Role.MEMBER)))).thenReturn(AdminOutcome.done(jane));

        mvc.perform(post("/api/v1/admin/tenants/" + tenantId + "/users").header(AUTHORIZATION, admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"jane\",\"email\":\"jane@clinic.example\",\"password\":\"a long password\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("jane"))
                .andExpect(jsonPath("$.tenant_id").value(tenantId.toString()))
                .andExpect(jsonPath("$.role").value("member"))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.password_hash").doesNotExist());
    }

    @Test
    void neitherAnApiKeyNorAMemberReachesTheAdministration() throws Exception {
        var member = accessTokenOf(user(Role.MEMBER, Optional.of(tenantId)));

        for (var credential : new String[] {apiKeyOf(tenantId), member}) {
            refusedWith(mvc.perform(get("/api/v1/admin/tenants/" + tenantId).header(AUTHORIZATION, credential)),
                    403, "FORBIDDEN", "your credentials do not allow this request");
        }
        refusedWith(mvc.perform(get("/api/v1/admin/tenants/" + tenantId)), 401, "UNAUTHORIZED",
                "Invalid or missing API key");
        verify(tenants, never()).getTenant(any(), any());
    }
}
